import path from 'node:path';

/**
 * A feature is used through its index.ts: code outside packages/server/src/features/<name>/ may import
 * that folder's index.ts and nothing else in it. Inside a feature (its tests too) any file of its own may
 * be imported. The one exception is db/, which composes the Database type from the features' *.table.ts.
 */
const FEATURES = `${path.sep}packages${path.sep}server${path.sep}src${path.sep}features${path.sep}`;
const DB = `${path.sep}packages${path.sep}server${path.sep}src${path.sep}db${path.sep}`;

/** The feature folder a file lies in and its path inside it, or null outside every feature. */
function featureOf(file) {
  const at = file.lastIndexOf(FEATURES);
  if (at === -1) return null;
  const [name, ...rest] = file.slice(at + FEATURES.length).split(path.sep);
  return rest.length > 0 ? { name, inner: rest.join('/') } : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "Forbid importing another feature's internals: go through its index.ts" },
    schema: [],
    messages: {
      internal: "'{{source}}' is inside the {{feature}} feature: import what it offers from its index.ts ('{{index}}'), or add it there.",
    },
  },
  create(context) {
    const filename = path.resolve(context.filename);
    const own = featureOf(filename);
    const inDb = filename.includes(DB);
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(filename), source);
      const feature = featureOf(target);
      if (!feature || feature.name === own?.name || feature.inner === 'index.ts') return;
      if (inDb && feature.inner.endsWith('.table.ts') && !feature.inner.includes('/')) return;
      const index = path.relative(path.dirname(filename), path.join(target.slice(0, target.lastIndexOf(FEATURES) + FEATURES.length), feature.name, 'index.ts'));
      context.report({ node, messageId: 'internal', data: { source, feature: feature.name, index: index.startsWith('.') ? index : `./${index}` } });
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
