import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { getConnection, serverUrl, setConnection } from '@/lib/connection'

/**
 * Asks for the server's password where the user is; the shell opens it whenever the server answers
 * 401 and loads this module only then.
 */
export default function PasswordDialog({
  open,
  onOpenChange: setOpen,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const [password, setPassword] = useState('')
  const queryClient = useQueryClient()

  const hadPassword = Boolean(getConnection().password)
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setConnection({ ...getConnection(), password })
    setOpen(false)
    setPassword('')
    // Every cached answer came from a request the server refused: fetch them again with the password.
    void queryClient.resetQueries()
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{hadPassword ? 'Wrong password' : 'Password required'}</DialogTitle>
            <DialogDescription>
              {hadPassword
                ? `${serverUrl(getConnection())} rejected the saved password (401 Unauthorized).`
                : `${serverUrl(getConnection())} requires a password.`}
            </DialogDescription>
          </DialogHeader>
          <FormField label="Server password">
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoFocus
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!password}>
              Save password
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
