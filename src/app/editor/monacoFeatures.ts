/**
 * The editor's features beyond typing, highlighting and markers: completion, hover, find, folding,
 * snippets, the context menu... (about a fifth of Monaco's code). They load in their own chunk right
 * after the first editor is up (`monacoFeatureLoader.ts`), so the editor and its first validation
 * do not wait for them. Only what YAML editing uses: register.all would pull every contribution.
 */
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
// features/suggest/register only brings inline (ghost-text) completions; the completion list is the SuggestController.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// The services only these features (and the diff editor) use, which the build takes out of Monaco's
// standalone services (monacoTrim, src/build/monacoTrim.ts): quick input, lists, hover, context menu,
// clipboard, opener. monacoFeatureLoader starts the hover and markdown set-up once they are in.
export { startLateServices } from 'virtual:kubelab-monaco-late-services';
