// Vite's `?worker` imports, typed for tsc.
declare module '*?worker' {
  const WorkerConstructor: { new (): Worker };
  export default WorkerConstructor;
}
declare module '*.css';
declare module 'monaco-editor/internal/common/workers.js' {
  export function createWebWorker(opts: { label?: string; moduleId?: string; createData?: unknown }): unknown;
}
