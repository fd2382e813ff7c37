import Letta, { toFile } from '@letta-ai/letta-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createTestApp, listen } from './helpers.ts'
import type { Listening } from './loopback.ts'

/**
 * Letta's official TypeScript SDK (1.12.1) against the bundled server over real HTTP, for every
 * resource both have: health, tools, folders and their files, and embedding models. The SDK has
 * no sources or jobs resources; those are compared through the OpenAPI documents instead.
 */
const PASSWORD = 'sdk-password'
let listening: Listening
let client: Letta

const toolSource = (name: string) =>
  `def ${name}(text: str) -> str:\n    """Echo the text.\n\n    Args:\n        text: what to echo\n    """\n    return text\n`

// A fresh server per test: the test helpers close every app after each test.
beforeEach(async () => {
  listening = await listen(createTestApp({ password: PASSWORD }))
  client = new Letta({ baseURL: listening.url, apiKey: PASSWORD, maxRetries: 0, timeout: 10_000 })
})

afterEach(async () => {
  await listening.close()
})

describe('the official Letta SDK against the bundled server', () => {
  it('checks health, and is refused with a wrong key', async () => {
    const health = await client.health()
    expect(health.status).toBe('ok')
    const wrong = new Letta({ baseURL: listening.url, apiKey: 'wrong', maxRetries: 0 })
    await expect(wrong.tools.list()).rejects.toMatchObject({ status: 401 })
  })

  it('creates, reads, updates, upserts and deletes tools, iterating their pages', async () => {
    const names = ['sdk_echo_a', 'sdk_echo_b', 'sdk_echo_c', 'sdk_echo_d', 'sdk_echo_e']
    const created = []
    for (const name of names)
      created.push(await client.tools.create({ source_code: toolSource(name) }))
    expect(created.map((tool) => tool.name)).toEqual(names)

    const firstPage = await client.tools.list({ limit: 2, search: 'sdk_echo' })
    expect(firstPage.getPaginatedItems()).toHaveLength(2)
    expect(firstPage.hasNextPage()).toBe(true)
    const seen: string[] = []
    for await (const tool of client.tools.list({ limit: 2, search: 'sdk_echo' })) {
      seen.push(tool.name ?? '')
    }
    expect(seen.sort()).toEqual(names)

    const [first] = created
    if (!first) throw new Error('no tool was created')
    expect((await client.tools.retrieve(first.id)).source_code).toContain('def sdk_echo_a')
    const updated = await client.tools.update(first.id, { description: 'Echo, described anew' })
    expect(updated.description).toBe('Echo, described anew')
    const upserted = await client.tools.upsert({ source_code: toolSource('sdk_echo_a') })
    expect(upserted.id).toBe(first.id)

    for (const tool of created) await client.tools.delete(tool.id)
    await expect(client.tools.retrieve(first.id)).rejects.toMatchObject({ status: 404 })
  })

  it('creates folders, uploads files, pages through both, and deletes them', async () => {
    const embedding = (await client.models.embeddings.list())[0]
    expect(embedding?.embedding_model).toBeTruthy()
    const folders = []
    for (const name of ['sdk-folder-1', 'sdk-folder-2', 'sdk-folder-3']) {
      folders.push(await client.folders.create({ name, embedding: embedding?.handle ?? undefined }))
    }
    const folderNames: string[] = []
    for await (const folder of client.folders.list({ limit: 2 })) folderNames.push(folder.name)
    expect(folderNames.sort()).toEqual(['sdk-folder-1', 'sdk-folder-2', 'sdk-folder-3'])

    const [folder] = folders
    if (!folder) throw new Error('no folder was created')
    expect((await client.folders.retrieve(folder.id)).name).toBe('sdk-folder-1')
    const renamed = await client.folders.update(folder.id, { description: 'from the SDK' })
    expect(renamed.description).toBe('from the SDK')

    const uploaded = []
    for (const name of ['one.txt', 'two.txt', 'three.txt']) {
      const file = await toFile(Buffer.from(`The lighthouse keeper wrote ${name}.`), name, {
        type: 'text/plain',
      })
      uploaded.push(await client.folders.files.upload(folder.id, { file }))
    }
    expect(uploaded.map((file) => file.file_name)).toEqual(['one.txt', 'two.txt', 'three.txt'])

    const fileNames: string[] = []
    for await (const file of client.folders.files.list(folder.id, { limit: 2 })) {
      fileNames.push(file.file_name ?? '')
    }
    expect(fileNames.sort()).toEqual(['one.txt', 'three.txt', 'two.txt'])

    const fileId = uploaded[0]?.id ?? ''
    const retrieved = await client.folders.files.retrieve(fileId, { folder_id: folder.id })
    expect(retrieved.file_name).toBe('one.txt')
    await client.folders.files.delete(fileId, { folder_id: folder.id })
    await expect(
      client.folders.files.retrieve(fileId, { folder_id: folder.id }),
    ).rejects.toMatchObject({ status: 404 })

    for (const each of folders) await client.folders.delete(each.id)
    await expect(client.folders.retrieve(folder.id)).rejects.toMatchObject({ status: 404 })
  })
})
