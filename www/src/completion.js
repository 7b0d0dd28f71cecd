// Schema help as a CodeMirror completion source: property names and enum values from the engine's
// `completions` (run in a worker), replacing the whole token under the cursor (quotes included).

/**
 * `ask({text, cursor})` resolves to the engine's Completions or null (nothing to suggest here);
 * `large(state)` tells when typing should only ask after a quote.
 */
export function schemaCompletionSource({ ask, large }) {
  return async (context) => {
    // Typed suggestions start on a quote or a letter (never on digits); on large texts only on a
    // quote, so typing does not copy megabytes to the worker on every key. Ctrl+Space always asks.
    const before = context.state.sliceDoc(Math.max(context.pos - 1, 0), context.pos);
    const trigger = large(context.state) ? /"/ : /[A-Za-z_$"]/;
    if (!context.explicit && !trigger.test(before)) return null;
    const found = await ask({ text: context.state.doc.toString(), cursor: context.pos });
    if (!found || context.aborted || found.context === 'none' || !found.items.length) return null;
    // The token being replaced starts with a quote: suggestions filter on what follows it.
    const quoted = found.to > found.from && context.state.sliceDoc(found.from, found.from + 1) === '"';
    const from = quoted ? found.from + 1 : found.from;
    if (from > context.pos) return null;
    const suffix = Math.max(found.to - context.pos, 0);
    return {
      from,
      validFor: /^[\w$-]*$/,
      options: found.items.map((item) => ({
        label: item.label,
        detail: [item.detail, item.required ? 'required' : '', item.deprecated ? 'deprecated' : ''].filter(Boolean).join(' · '),
        info: item.info ?? undefined,
        type: item.kind === 'property' ? 'property' : 'enum',
        boost: item.deprecated ? -20 : item.required ? 10 : 0,
        deprecated: item.deprecated,
        apply(view, _completion, start, end) {
          // What was typed since the question moved the token's end by as much as it moved `end`.
          const replaceFrom = quoted ? start - 1 : start;
          const replaceTo = Math.min(end + suffix, view.state.doc.length);
          view.dispatch({
            changes: { from: replaceFrom, to: replaceTo, insert: item.insert },
            selection: { anchor: replaceFrom + item.insert.length },
            userEvent: 'input.complete',
            scrollIntoView: true,
          });
        },
      })),
    };
  };
}
