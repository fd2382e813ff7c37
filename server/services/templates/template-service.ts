import { randomUUID } from 'node:crypto'

import { HttpError } from '../../http/errors.ts'
import type { Db } from '../../storage/db.ts'
import { isUniqueViolation } from '../../storage/sql.ts'
import {
  TemplatesRepository,
  type AgentTemplateLink,
  type TemplateRecord,
  type TemplateSnapshot,
  type TemplateVersionRecord,
} from '../../storage/templates-repository.ts'
import type { AgentService, AgentState, InitialMessage } from '../agents/agent-service.ts'
import type { SourceService } from '../sources.ts'
import type { ToolService } from '../tools/tool-service.ts'
import { fillVariables, missingVariables, variablesIn } from './variables.ts'

/** The bundled server has one project; the cloud's project-scoped paths name it. */
export const DEFAULT_PROJECT_ID = 'default-project'

export const TEMPLATE_NAME = /^[A-Za-z0-9_-]+$/
const MAX_TEMPLATE_NAME = 100

/** The cloud's template object, with what the console shows beside it. */
export interface TemplateView {
  id: string
  name: string
  project_id: string
  project_slug: string
  latest_version: string
  description?: string
  template_deployment_slug: string
  created_at: string
  updated_at: string
  source_agent_id: string | null
  source_agent_name: string | null
  /** The variables the latest version's blocks use. */
  variables: string[]
  agent_count: number
}

export interface TemplateVersionView {
  version: string
  created_at: string
  message?: string
  is_latest: boolean
  variables: string[]
}

export interface VersionSnapshotView extends TemplateSnapshot {
  template_id: string
  template_name: string
  version: string
  message: string | null
  created_at: string
  is_latest: boolean
  variables: string[]
}

export interface CreateFromTemplateInput {
  agent_name?: string | undefined
  tags?: string[] | undefined
  memory_variables?: Record<string, string> | undefined
  initial_message_sequence?: InitialMessage[] | undefined
}

export interface AgentVariables {
  variables: Record<string, string>
  template: { id: string; name: string; version: string; exists: boolean } | null
}

/** Templates saved from agents, their immutable versions, and agents made from them. */
export class TemplateService {
  readonly repository: TemplatesRepository
  private readonly transaction: <T>(work: () => T) => T

  constructor(
    db: Db,
    private readonly agents: AgentService,
    private readonly tools: ToolService,
    private readonly sources: SourceService,
  ) {
    this.repository = new TemplatesRepository(db)
    this.transaction = (work) => db.transaction(work)()
  }

  /** Version 1 of a new template from the agent's current design; the agent becomes its first member. */
  saveAgentAsTemplate(
    agentId: string,
    options: { name?: string | undefined; message?: string | undefined } = {},
  ): TemplateRecord {
    const agent = this.agents.get(agentId)
    const name = options.name ?? this.freeNameFor(agent.name)
    if (!TEMPLATE_NAME.test(name) || name.length > MAX_TEMPLATE_NAME) {
      throw new HttpError(
        400,
        `Template name "${name}" must be 1 to ${MAX_TEMPLATE_NAME} letters, digits, "-" or "_"`,
      )
    }
    try {
      return this.transaction(() => {
        const template = this.repository.create(
          {
            name,
            description: agent.description,
            source_agent_id: agent.id,
            source_agent_name: agent.name,
          },
          snapshotOf(agent),
          options.message ?? null,
        )
        const previous = this.repository.linkOf(agent.id)
        this.link(agent.id, template, 1, previous?.variables ?? {})
        return template
      })
    } catch (error) {
      if (isUniqueViolation(error))
        throw new HttpError(409, `A template is already named "${name}"`)
      throw error
    }
  }

  /** A new version of the agent's template from its current design, or a new template if it has none. */
  versionFromAgent(
    agentId: string,
    message: string | undefined,
  ): { template: TemplateRecord; version: number } {
    const agent = this.agents.get(agentId)
    const link = this.repository.linkOf(agentId)
    const template = link && this.repository.get(link.template_id)
    if (!link || !template) {
      return { template: this.saveAgentAsTemplate(agentId, { message }), version: 1 }
    }
    return this.transaction(() => {
      const version = this.repository.addVersion(template.id, snapshotOf(agent), message ?? null)
      this.link(agent.id, template, version, link.variables)
      return { template: this.repository.get(template.id) as TemplateRecord, version }
    })
  }

  list(query: {
    offset: number
    limit: number
    name?: string | undefined
    search?: string | undefined
    sortBy: 'created_at' | 'updated_at'
  }): { templates: TemplateView[]; has_next_page: boolean } {
    const page = this.repository.list(query)
    return {
      templates: page.templates.map((template) => this.view(template)),
      has_next_page: page.hasNextPage,
    }
  }

  get(name: string): TemplateView {
    return this.view(this.template(name))
  }

  delete(name: string): void {
    this.repository.delete(this.template(name).id)
  }

  versions(
    projectId: string,
    name: string,
    offset: number,
    limit: number,
  ): { versions: TemplateVersionView[]; has_next_page: boolean; total_count: number } {
    this.checkProject(projectId)
    const template = this.template(name)
    const total = this.repository.versionCount(template.id)
    return {
      versions: this.repository.versions(template.id, offset, limit).map((version) => ({
        version: String(version.version),
        created_at: version.created_at,
        ...(version.message === null ? {} : { message: version.message }),
        is_latest: version.version === template.latest_version,
        variables: variablesOf(version.snapshot),
      })),
      has_next_page: offset + limit < total,
      total_count: total,
    }
  }

  snapshot(projectId: string, reference: string): VersionSnapshotView {
    this.checkProject(projectId)
    const { template, version } = this.resolve(reference)
    return {
      ...version.snapshot,
      template_id: template.id,
      template_name: template.name,
      version: String(version.version),
      message: version.message,
      created_at: version.created_at,
      is_latest: version.version === template.latest_version,
      variables: variablesOf(version.snapshot),
    }
  }

  /** An agent from the version, its `{{variables}}` filled; every missing variable is named at once. */
  createAgents(
    reference: string,
    input: CreateFromTemplateInput,
  ): { agent_ids: string[]; group_id: null; deployment_id: string } {
    const { template, version } = this.resolve(reference)
    const snapshot = version.snapshot
    const values = input.memory_variables ?? {}
    const missing = missingVariables(
      snapshot.blocks.map((block) => block.value),
      values,
    )
    if (missing.length) {
      throw new HttpError(
        400,
        `Missing memory variables for ${template.name}:${version.version}: ${missing.join(', ')}`,
      )
    }
    const deploymentId = `deployment-${randomUUID()}`
    const agent = this.transaction(() => {
      const created = this.agents.create({
        name: input.agent_name?.trim() || `${template.name}-${randomUUID().slice(0, 8)}`,
        agent_type: snapshot.agent_type as AgentState['agent_type'],
        description: snapshot.description,
        system: snapshot.system,
        model: snapshot.model,
        tags: [...snapshot.tags, ...(input.tags ?? [])],
        memory_blocks: snapshot.blocks.map((block) => ({
          label: block.label,
          value: fillVariables(block.value, values),
          limit: block.limit,
          description: block.description,
          read_only: block.read_only,
          preserve_on_migration: block.preserve_on_migration,
        })),
        include_base_tools: false,
        tool_ids: this.existing('tool', snapshot.tools, (id) => this.tools.get(id)),
        source_ids: this.existing('source', snapshot.sources, (id) => this.sources.get(id)),
        template_id: template.id,
        base_template_id: template.id,
        deployment_id: deploymentId,
        initial_message_sequence: input.initial_message_sequence,
      })
      this.link(created.id, template, version.version, { ...values })
      return created
    })
    return { agent_ids: [agent.id], group_id: null, deployment_id: deploymentId }
  }

  /** The variables the agent was created with, and the template version it belongs to. */
  variablesOf(agentId: string): AgentVariables {
    this.agents.record(agentId)
    const link = this.repository.linkOf(agentId)
    if (!link) return { variables: {}, template: null }
    return {
      variables: link.variables,
      template: {
        id: link.template_id,
        name: link.template_name,
        version: String(link.version),
        exists: this.repository.get(link.template_id) !== undefined,
      },
    }
  }

  /** `name:N` or `name:latest`. */
  resolve(reference: string): { template: TemplateRecord; version: TemplateVersionRecord } {
    const separator = reference.lastIndexOf(':')
    if (separator <= 0) {
      throw new HttpError(
        400,
        `Template version "${reference}" must be written name:version or name:latest`,
      )
    }
    const name = reference.slice(0, separator)
    const wanted = reference.slice(separator + 1)
    const template = this.template(name)
    if (wanted !== 'latest' && !/^[1-9]\d{0,8}$/.test(wanted)) {
      throw new HttpError(400, `Template version "${wanted}" must be a number or "latest"`)
    }
    const number = wanted === 'latest' ? template.latest_version : Number(wanted)
    const version = this.repository.version(template.id, number)
    if (!version) {
      throw new HttpError(
        404,
        `Template ${name} has no version ${wanted}; its latest is ${template.latest_version}`,
      )
    }
    return { template, version }
  }

  private template(name: string): TemplateRecord {
    const template = this.repository.byName(name)
    if (!template) throw new HttpError(404, `Template ${name} not found`)
    return template
  }

  private checkProject(projectId: string): void {
    if (projectId !== DEFAULT_PROJECT_ID) {
      throw new HttpError(
        404,
        `Project ${projectId} not found; this server has one project, ${DEFAULT_PROJECT_ID}`,
      )
    }
  }

  private view(template: TemplateRecord): TemplateView {
    const latest = this.repository.version(template.id, template.latest_version)
    return {
      id: template.id,
      name: template.name,
      project_id: DEFAULT_PROJECT_ID,
      project_slug: DEFAULT_PROJECT_ID,
      latest_version: String(template.latest_version),
      ...(template.description === null ? {} : { description: template.description }),
      template_deployment_slug: `${DEFAULT_PROJECT_ID}/${template.name}:${template.latest_version}`,
      created_at: template.created_at,
      updated_at: template.updated_at,
      source_agent_id: template.source_agent_id,
      source_agent_name: template.source_agent_name,
      variables: latest ? variablesOf(latest.snapshot) : [],
      agent_count: this.repository.agentCount(template.id),
    }
  }

  private link(
    agentId: string,
    template: TemplateRecord,
    version: number,
    variables: Record<string, string>,
  ): void {
    const link: AgentTemplateLink = {
      agent_id: agentId,
      template_id: template.id,
      template_name: template.name,
      version,
      variables,
    }
    this.repository.linkAgent(link)
    this.agents.update(agentId, { template_id: template.id, base_template_id: template.id })
  }

  /** The ids still on this server; a deleted tool or source makes the version unusable, said plainly. */
  private existing(
    kind: 'tool' | 'source',
    items: readonly { id: string; name: string }[],
    lookUp: (id: string) => unknown,
  ): string[] {
    const gone = items.filter((item) => !found(() => lookUp(item.id)))
    if (gone.length) {
      throw new HttpError(
        409,
        `The template version uses ${kind}s that were deleted: ${gone.map((item) => item.name).join(', ')}`,
      )
    }
    return items.map((item) => item.id)
  }

  /** The agent's name made into a template name, with -2, -3... when it is taken. */
  private freeNameFor(agentName: string): string {
    const base =
      agentName
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, MAX_TEMPLATE_NAME - 6) || 'template'
    let name = base
    for (let suffix = 2; this.repository.nameTaken(name); suffix += 1) name = `${base}-${suffix}`
    return name
  }
}

export function snapshotOf(agent: AgentState): TemplateSnapshot {
  return {
    agent_name: agent.name,
    agent_type: agent.agent_type,
    description: agent.description,
    system: agent.system,
    model: agent.model,
    tags: agent.tags,
    blocks: agent.blocks.map((block) => ({
      label: block.label,
      value: block.value,
      limit: block.limit,
      description: block.description,
      read_only: block.read_only,
      preserve_on_migration: block.preserve_on_migration,
    })),
    tools: agent.tools.map((tool) => ({ id: tool.id, name: tool.name })),
    sources: agent.sources.map((source) => ({ id: source.id, name: source.name })),
  }
}

/** Whether the look-up finds its item rather than answering 404. */
function found(lookUp: () => unknown): boolean {
  try {
    lookUp()
    return true
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return false
    throw error
  }
}

function variablesOf(snapshot: TemplateSnapshot): string[] {
  return variablesIn(snapshot.blocks.map((block) => block.value))
}
