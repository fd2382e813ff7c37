import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor/editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'

// The editor API alone, plus only the contributions a Python editor needs: the full package
// bundles every language and its workers.
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/readOnlyMessage/register'
import 'monaco-editor/features/smartSelect/register'
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/languages/definitions/python/register'

self.MonacoEnvironment = {
  // Only the generic editor worker is needed: Python has no language worker.
  getWorker: () => new EditorWorker(),
}

/** Colours from the console's theme (styles.css --card), so the editor sits on the page. */
monaco.editor.defineTheme('letta-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff' },
})
monaco.editor.defineTheme('letta-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#171717' },
})

// Without this @monaco-editor/react fetches Monaco from a CDN.
loader.config({ monaco })

export { monaco }
export const monacoThemeFor = (theme: 'light' | 'dark') =>
  theme === 'dark' ? 'letta-dark' : 'letta-light'
