/**
 * The server the end-to-end tests drive: the real bundled server, with its agents thinking through
 * the scripted OpenAI-compatible provider on loopback (its deterministic default answers), so
 * nothing reaches beyond this machine. Takes the server's flags.
 */
import { startScriptedProvider } from '../server/test/support/scripted-provider.ts'

const provider = await startScriptedProvider({ model: 'scripted-model' })
process.argv.push('--llm-endpoint', provider.url, '--llm-model', provider.model)
await import('../server/main.ts')
