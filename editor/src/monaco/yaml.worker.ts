// monaco-yaml's language worker, re-exported from our own file so Vite bundles it as a worker.
import 'monaco-yaml/yaml.worker.js';
