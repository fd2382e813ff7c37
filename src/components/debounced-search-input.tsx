import { useEffect, useState } from 'react'

import { SearchIcon } from '@/components/icons'
import { Icon } from '@/components/ui/icon'
import { Input } from '@/components/ui/input'

/** A text box that reports its value once typing pauses, and follows the value when it changes elsewhere (back button). */
export function DebouncedSearchInput({
  value,
  onCommit,
  delay = 300,
  ...props
}: {
  value: string
  onCommit: (value: string) => void
  delay?: number
} & Omit<React.ComponentProps<'input'>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value)
  // What this box last reported, and the last value it was given: a new value that is not our own
  // report came from elsewhere (back button, a link) and replaces the text.
  const [committed, setCommitted] = useState(value)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (value !== committed) {
      setCommitted(value)
      setText(value)
    }
  }
  useEffect(() => {
    if (text === committed) return
    const timer = setTimeout(() => {
      setCommitted(text)
      onCommit(text)
    }, delay)
    return () => clearTimeout(timer)
  }, [text, committed, onCommit, delay])

  return (
    <div className="relative">
      <Icon
        node={SearchIcon}
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
      <Input
        type="search"
        className="pl-8"
        value={text}
        onChange={(event) => setText(event.target.value)}
        {...props}
      />
    </div>
  )
}
