import {
  queryOptions,
  useMutation,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query'

import { api, ApiError, call } from './client'
import type { components } from './generated/schema'

export type Template = components['schemas']['Template']
export type TemplateVersion = components['schemas']['TemplateVersion']
export type TemplateSnapshot = components['schemas']['TemplateSnapshot']
export type AgentVariables = components['schemas']['AgentVariables']
/** What the template pages show of an agent. */
export interface TemplateAgent {
  id: string
  name: string
  created_at: string
  blocks: { id: string; label: string; value: string }[]
}

/** The bundled server's one project, which the cloud's project-scoped paths name. */
export const PROJECT_ID = 'default-project'
export const TEMPLATE_PAGE_SIZE = 20

export interface TemplateListParams {
  search: string
  offset: number
}

export const templatesKeys = {
  all: ['templates'] as const,
  list: (params: TemplateListParams) => ['templates', 'list', params] as const,
  detail: (name: string) => ['templates', name] as const,
  versions: (name: string) => ['templates', name, 'versions'] as const,
  snapshot: (name: string, version: string) => ['templates', name, 'snapshot', version] as const,
  agents: (templateId: string) => ['templates', 'agents', templateId] as const,
  agentVariables: (agentId: string) => ['templates', 'agent-variables', agentId] as const,
  agentChoices: () => ['templates', 'agent-choices'] as const,
}

export const templatesQueryOptions = (params: TemplateListParams) =>
  queryOptions({
    queryKey: templatesKeys.list(params),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/templates', {
          params: {
            query: {
              search: params.search || undefined,
              offset: params.offset,
              limit: TEMPLATE_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
  })

/** One template by its exact name; a name nobody has is a 404, as for any other page. */
export const templateQueryOptions = (name: string) =>
  queryOptions({
    queryKey: templatesKeys.detail(name),
    queryFn: async ({ signal }) => {
      const page = await call(() =>
        api.GET('/v1/templates', { params: { query: { name, limit: 1 } }, signal }),
      )
      const template = page.templates[0]
      if (!template) throw new ApiError(404, `Template ${name} not found`)
      return template
    },
  })

/** Every version, newest first (the server pages by 100 at most; templates rarely reach that). */
export const templateVersionsQueryOptions = (name: string) =>
  queryOptions({
    queryKey: templatesKeys.versions(name),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/templates/{project_id}/{name}/versions', {
          params: { path: { project_id: PROJECT_ID, name }, query: { limit: 100 } },
          signal,
        }),
      ),
  })

/** A version never changes, so its snapshot never goes stale. */
export const templateSnapshotQueryOptions = (name: string, version: string) =>
  queryOptions({
    queryKey: templatesKeys.snapshot(name, version),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/templates/{project_id}/{template_version}/snapshot', {
          params: { path: { project_id: PROJECT_ID, template_version: `${name}:${version}` } },
          signal,
        }),
      ),
    staleTime: Infinity,
  })

/** The agents that belong to the template, newest first. */
export const templateAgentsQueryOptions = (templateId: string) =>
  queryOptions({
    queryKey: templatesKeys.agents(templateId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/agents', {
          params: { query: { template_id: templateId, limit: 100 } },
          signal,
        }),
      ),
  })

export const agentVariablesQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: templatesKeys.agentVariables(agentId),
    queryFn: ({ signal }) =>
      call(() =>
        api.GET('/v1/agents/{agent_id}/core-memory/variables', {
          params: { path: { agent_id: agentId } },
          signal,
        }),
      ),
  })

/** The agents a template can be saved from, by name. */
export const agentChoicesQueryOptions = () =>
  queryOptions({
    queryKey: templatesKeys.agentChoices(),
    queryFn: async ({ signal }) => {
      const agents = await call(() =>
        api.GET('/v1/agents', { params: { query: { limit: 1000 } }, signal }),
      )
      return agents
        .map((agent) => ({ id: agent.id, name: agent.name, templateId: agent.template_id }))
        .sort((a, b) => a.name.localeCompare(b.name))
    },
  })

type MutationCallbacks<TData, TVariables> = Pick<
  UseMutationOptions<TData, ApiError, TVariables>,
  'onSuccess' | 'onError'
>

export interface SaveAsTemplateInput {
  agentId: string
  name?: string | undefined
}

export function useSaveAgentAsTemplate(
  options: MutationCallbacks<
    { templateName: string; templateId: string },
    SaveAsTemplateInput
  > = {},
) {
  const queryClient = useQueryClient()
  return useMutation<{ templateName: string; templateId: string }, ApiError, SaveAsTemplateInput>({
    mutationFn: ({ agentId, name }) =>
      call(() =>
        api.POST('/v1/agents/{agent_id}/template', {
          params: { path: { agent_id: agentId } },
          body: name ? { name } : {},
        }),
      ),
    ...options,
    onSuccess: async (result, input, onMutateResult, context) => {
      await queryClient.invalidateQueries({ queryKey: templatesKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['agents'] })
      await options.onSuccess?.(result, input, onMutateResult, context)
    },
  })
}

export interface SaveVersionInput {
  agentId: string
  message: string
}

export interface SavedVersion {
  templateName: string
  templateId: string
  version: string
}

export function useSaveTemplateVersion(
  options: MutationCallbacks<SavedVersion, SaveVersionInput> = {},
) {
  const queryClient = useQueryClient()
  return useMutation<SavedVersion, ApiError, SaveVersionInput>({
    mutationFn: async ({ agentId, message }) => {
      const saved = await call(() =>
        api.POST('/v1/agents/{agent_id}/version-template', {
          params: { path: { agent_id: agentId } },
          body: message.trim() ? { message: message.trim() } : {},
        }),
      )
      return saved as SavedVersion
    },
    ...options,
    onSuccess: async (result, input, onMutateResult, context) => {
      await queryClient.invalidateQueries({ queryKey: templatesKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['agents'] })
      await options.onSuccess?.(result, input, onMutateResult, context)
    },
  })
}

export interface CreateFromTemplateInput {
  name: string
  version: string
  agentName: string
  variables: Record<string, string>
}

export function useCreateAgentFromTemplate(
  options: MutationCallbacks<{ agent_ids: string[] }, CreateFromTemplateInput> = {},
) {
  const queryClient = useQueryClient()
  return useMutation<{ agent_ids: string[] }, ApiError, CreateFromTemplateInput>({
    mutationFn: ({ name, version, agentName, variables }) =>
      call(() =>
        api.POST('/v1/templates/{template_version}/agents', {
          params: { path: { template_version: `${name}:${version}` } },
          body: {
            ...(agentName.trim() ? { agent_name: agentName.trim() } : {}),
            memory_variables: variables,
          },
        }),
      ),
    ...options,
    onSuccess: async (result, input, onMutateResult, context) => {
      await queryClient.invalidateQueries({ queryKey: templatesKeys.all })
      await queryClient.invalidateQueries({ queryKey: ['agents'] })
      await options.onSuccess?.(result, input, onMutateResult, context)
    },
  })
}

export function useDeleteTemplate(options: MutationCallbacks<unknown, string> = {}) {
  const queryClient = useQueryClient()
  return useMutation<unknown, ApiError, string>({
    mutationFn: (name) =>
      call(() =>
        api.DELETE('/v1/templates/{template_name}', { params: { path: { template_name: name } } }),
      ),
    ...options,
    onSuccess: async (result, name, onMutateResult, context) => {
      queryClient.removeQueries({ queryKey: templatesKeys.detail(name) })
      await options.onSuccess?.(result, name, onMutateResult, context)
      await queryClient.invalidateQueries({ queryKey: templatesKeys.all })
    },
  })
}
