// The editor: CodeMirror 6 with JSON highlighting and folding, search, schema completion, and the
// engine's findings as lint marks (the library's `.cm-lintRange-*` marks, gutter markers and hover
// tooltips, with quick fixes as lint actions). Light or dark follows the system.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  HighlightStyle,
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

import { toLintDiagnostics } from './lint.js';

/**
 * Above this many characters the editor drops the JSON syntax tree (highlighting, folding,
 * bracket matching by structure): re-parsing a tree of megabytes on every keystroke costs more
 * than a frame, and typing must never wait. The engine still checks everything.
 */
export const PLAIN_ABOVE = 256 * 1024;

/** Colours come from the page's CSS variables, so one style serves light and dark. */
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--syntax-key)' },
  { tag: tags.string, color: 'var(--syntax-string)' },
  { tag: tags.number, color: 'var(--syntax-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--syntax-keyword)', fontWeight: '600' },
  { tag: [tags.separator, tags.brace, tags.squareBracket], color: 'var(--syntax-punctuation)' },
]);

// The editor lives in a shadow root: CodeMirror then mounts its styles as constructed style sheets
// (adoptedStyleSheets) instead of <style> elements, which the page's CSP (style-src 'self') refuses.
// Page styles do not reach inside, so everything the editor needs is here; colours are the page's
// CSS variables, which do.
const baseTheme = {
  '&': { height: '100%', backgroundColor: 'var(--editor-bg)', color: 'var(--ink)', fontSize: '13px' },
  '&.is-readonly': { backgroundColor: 'var(--gutter-bg)' },
  '&.is-stale .cm-lintRange, &.is-stale .cm-lint-marker, &.is-stale .cm-lintPoint': { opacity: '0.4' },
  '.fold-marker': { cursor: 'pointer', padding: '0 3px' },
  '.cm-completion-deprecated .cm-completionLabel': { textDecoration: 'line-through' },
  '.cm-tooltip-lint': { maxWidth: '60ch' },
  '.lint-message p': { margin: '0' },
  '.lint-meta': { marginTop: '4px', fontSize: '12px', color: 'var(--muted)' },
  '.lint-rule': { fontFamily: 'var(--mono)' },
  '.lint-meta a': { color: 'var(--accent)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--accent-ink)', borderRadius: '4px', marginTop: '4px' },
  '.cm-completionInfo': { maxWidth: '40ch', whiteSpace: 'pre-line' },
  // @codemirror/lint draws underlines and gutter markers as data: images, which the page's CSP
  // (img-src 'self') refuses: the same marks in plain CSS, a shape per severity.
  '.cm-lintRange': { backgroundImage: 'none', textDecorationLine: 'underline', textDecorationStyle: 'wavy', textDecorationThickness: '1.5px', textUnderlineOffset: '3px', paddingBottom: '0' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecorationColor: 'var(--error)' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecorationColor: 'var(--warning)' },
  '.cm-lintRange-info': { backgroundImage: 'none', textDecorationColor: 'var(--info)', textDecorationStyle: 'dotted' },
  '.cm-lint-marker': { content: 'normal', width: '0.75em', height: '0.75em', margin: '0.2em auto 0' },
  '.cm-lint-marker-error': { content: 'normal', backgroundColor: 'var(--error)', borderRadius: '50%' },
  '.cm-lint-marker-warning': { content: 'normal', backgroundColor: 'var(--warning)', clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' },
  '.cm-lint-marker-info': { content: 'normal', backgroundColor: 'var(--info)', borderRadius: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-cursor': { borderLeftColor: 'var(--ink)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--ink)', border: '1px solid var(--line)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: '#fff' },
  '.cm-completionDetail': { fontStyle: 'normal', color: 'inherit', opacity: '0.75', marginLeft: '1em' },
};
const lightTheme = EditorView.theme(baseTheme, { dark: false });
const darkTheme = EditorView.theme(baseTheme, { dark: true });

/**
 * Creates the editor in `container`. `onChange(doc)` is called after each edit by the user;
 * `complete(context)` is the schema completion source; `onPresentation(large)` when the text
 * grows past PLAIN_ABOVE characters (plain text) or shrinks below it (highlighted again).
 */
export function createEditor(container, { onChange, complete, label, onPresentation }) {
  const theme = new Compartment();
  const readOnly = new Compartment();
  const language = new Compartment();
  const wrapping = new Compartment();
  const structured = () => [json(), syntaxHighlighting(highlight), foldGutter({ markerDOM: foldMarker })];
  let large = false;
  let isJson = true; // the text is JSON (a body, checklist or recording), not a command or request
  let wrap = false; // long lines wrap (commands, requests, a checklist's prose)
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  let silent = false; // programmatic text replacements do not count as the user's edits

  const root = container.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        language.of(structured()),
        wrapping.of([]),
        autocompletion({
          override: [complete],
          icons: false,
          optionClass: (completion) => (completion.deprecated ? 'cm-completion-deprecated' : ''),
        }),
        placeholder('Paste a JSON body, a cURL command, an HTTP request, a checklist, or a HAR / NDJSON recording'),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          ...lintKeymap,
          // Esc then Tab leaves the editor (CodeMirror's tab-focus escape), Tab alone indents.
          indentWithTab,
        ]),
        theme.of(dark.matches ? darkTheme : lightTheme),
        readOnly.of([]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          if ((update.state.doc.length > PLAIN_ABOVE) !== large) queueMicrotask(choosePresentation);
          if (!silent) onChange(update.state.doc);
        }),
      ],
    }),
  });
  /**
   * JSON is highlighted and foldable up to PLAIN_ABOVE characters, plain text beyond; a cURL
   * command or HTTP request is plain text. Long lines wrap when asked, below PLAIN_ABOVE.
   */
  function choosePresentation() {
    const nowLarge = view.state.doc.length > PLAIN_ABOVE;
    const changed = nowLarge !== large;
    large = nowLarge;
    view.dispatch({
      effects: [
        language.reconfigure(isJson && !large ? structured() : []),
        wrapping.reconfigure(wrap && !large ? EditorView.lineWrapping : []),
      ],
    });
    view.dom.classList.toggle('is-plain', large);
    if (changed) onPresentation?.(large);
  }

  dark.addEventListener('change', () => {
    view.dispatch({ effects: theme.reconfigure(dark.matches ? darkTheme : lightTheme) });
  });

  function replaceAll(text, selection) {
    silent = true;
    try {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: selection ?? EditorSelection.cursor(0),
        scrollIntoView: true,
      });
    } finally {
      silent = false;
    }
  }

  return {
    view,
    getText: () => view.state.doc.toString(),
    get doc() {
      return view.state.doc;
    },
    /** Replaces the text; `notify` (default true) reports it as an edit to `onChange`. */
    setText(text, { notify = true } = {}) {
      replaceAll(text);
      view.scrollDOM.scrollTop = 0;
      if (notify) onChange(view.state.doc);
    },
    /** Replaces the text as one undoable user edit (Format document). */
    replaceText(text) {
      const head = Math.min(view.state.selection.main.head, text.length);
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(head),
        userEvent: 'input.format',
      });
    },
    /** Presents the text as JSON or not (a command or request), with long lines wrapped or not. */
    present({ json: asJson, wrap: wrapped }) {
      if (asJson === isJson && wrapped === wrap) return;
      isJson = asJson;
      wrap = wrapped;
      choosePresentation();
    },
    setReadOnly(on) {
      view.dispatch({
        effects: readOnly.reconfigure(on ? [EditorState.readOnly.of(true), EditorView.editable.of(true)] : []),
      });
      view.dom.classList.toggle('is-readonly', on);
    },
    /** Shows the findings of the current text as lint marks; `context` names the rules' docs. */
    mark(diagnostics) {
      view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, diagnostics)));
    },
    /** Fades the marks while a check of newer text is pending. */
    setStale(stale) {
      view.dom.classList.toggle('is-stale', stale);
    },
    /** Selects a diagnostic's range and scrolls it into view. */
    select(range) {
      const { from, to } = range;
      view.dispatch({
        selection: EditorSelection.range(from, Math.max(to, from)),
        effects: EditorView.scrollIntoView(from, { y: 'center' }),
      });
      view.focus();
    },
    focus: () => view.focus(),
  };
}

function foldMarker(open) {
  const marker = document.createElement('span');
  marker.className = 'fold-marker';
  marker.textContent = open ? '▾' : '▸';
  marker.title = open ? 'Fold' : 'Unfold';
  return marker;
}
