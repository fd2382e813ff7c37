import { lazy, Suspense, type ReactNode } from 'react'

import { FormDialog } from '@/components/form-dialog'

// The form, with the model, tool and source lists it asks for, loads when the dialog is wanted.
const loadForm = () => import('./create-agent-form')
const CreateAgentForm = lazy(() =>
  loadForm().then((module) => ({ default: module.CreateAgentForm })),
)

export function CreateAgentDialog({ children }: { children: ReactNode }) {
  return (
    <FormDialog
      trigger={children}
      preload={loadForm}
      title="New agent"
      description="An agent answers with the chosen model, remembers through its memory blocks, and can call its tools and search its sources."
      className="max-h-[90vh] overflow-y-auto sm:max-w-2xl"
    >
      {(close) => (
        <Suspense
          fallback={
            <p role="status" className="text-sm text-muted-foreground">
              Loading the form…
            </p>
          }
        >
          <CreateAgentForm onDone={close} />
        </Suspense>
      )}
    </FormDialog>
  )
}
