// Channel types the engine knows (with the operators' Chinese names, for the editor). A payee
// of any other type is a typo until a policy names the type in `applies_to`.
export const CHANNEL_TYPES: Record<string, { en: string; zh: string }> = {
  rural_contract: { en: 'contracted rural point', zh: '农村统包点' },
  postal_agent: { en: 'postal agent', zh: '邮政代办点' },
  service_center: { en: 'service center', zh: '营服中心' },
  private_line_branch: { en: 'private-line branch', zh: '集团专线分支' },
  franchise_store: { en: 'franchise store', zh: '加盟店' },
  own_store: { en: 'own store', zh: '自有营业厅' },
  social_channel: { en: 'social channel', zh: '社会渠道' },
  enterprise_branch: { en: 'enterprise-sales branch', zh: '政企分支' },
};
export const KNOWN_CHANNEL_TYPES = Object.keys(CHANNEL_TYPES);
