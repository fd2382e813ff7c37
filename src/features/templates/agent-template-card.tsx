import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'

import { agentVariablesQueryOptions } from '@/api/templates'
import { LayoutTemplateIcon, SaveIcon } from '@/components/icons'
import { LoadErrorMessage } from '@/components/state-message'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Icon } from '@/components/ui/icon'
import { Skeleton } from '@/components/ui/skeleton'

import { SaveTemplateDialog } from './save-template-dialog'
import { SaveVersionDialog } from './save-version-dialog'
import { VariableValues } from './variable-values'

/** On an agent's page: the template version it belongs to, its memory variables, and saving it. */
export function AgentTemplateCard({ agentId }: { agentId: string }) {
  const variables = useQuery(agentVariablesQueryOptions(agentId))
  const template = variables.data?.template
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2>Template</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {variables.isPending ? (
          <Skeleton className="h-10 w-full" aria-label="Loading the template" />
        ) : variables.isError ? (
          <LoadErrorMessage
            title="Could not load the template"
            error={variables.error}
            onRetry={() => void variables.refetch()}
          />
        ) : (
          <>
            <p>
              {!template ? (
                'Not saved as a template.'
              ) : template.exists ? (
                <>
                  <Link
                    to="/templates/$templateName"
                    params={{ templateName: template.name }}
                    search={{ tab: 'memory', version: template.version }}
                    className="font-medium underline underline-offset-4"
                  >
                    {template.name}
                  </Link>
                  , version {template.version}
                </>
              ) : (
                `${template.name}, version ${template.version} (the template was deleted)`
              )}
            </p>
            <div className="grid gap-1">
              <h3 className="font-medium">Memory variables</h3>
              <VariableValues variables={variables.data.variables} />
            </div>
            <div className="flex flex-wrap gap-2">
              {template?.exists && (
                <SaveVersionDialog agentId={agentId}>
                  <Button size="sm">
                    <Icon node={SaveIcon} />
                    Save new version
                  </Button>
                </SaveVersionDialog>
              )}
              <SaveTemplateDialog agentId={agentId}>
                <Button size="sm" variant={template?.exists ? 'outline' : 'default'}>
                  <Icon node={LayoutTemplateIcon} />
                  {template?.exists ? 'Save as a new template' : 'Save as template'}
                </Button>
              </SaveTemplateDialog>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  )
}
