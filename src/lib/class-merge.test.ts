/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { twMerge } from 'tailwind-merge'
import { describe, expect, it } from 'vitest'

import { mergeClasses } from './class-merge'
import { cn } from './utils'

// jsdom's URL does not take file: URLs, so the path is made from the string.
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..')
const STRING_LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g
const CLASS_TOKEN = /^!?-?[a-z@*[(0-9][^\s'"`]*$/

/**
 * Every string literal (and each static piece of a template literal) in `source` whose words all
 * look like classes and one of which has a `-` or a variant, which takes in every class list
 * along with some ordinary strings; those are unknown classes to both mergers, so they do no harm.
 */
function classLists(source: string): string[] {
  const lists: string[] = []
  for (const match of source.matchAll(STRING_LITERAL)) {
    for (const piece of (match[1] ?? match[2] ?? match[3] ?? '').split(/\$\{[^}]*\}/)) {
      const classes = piece.trim().split(/\s+/)
      if (classes.every((c) => CLASS_TOKEN.test(c)) && classes.some((c) => /[-:]/.test(c))) {
        lists.push(classes.join(' '))
      }
    }
  }
  return lists
}

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !/\.gen\.ts$|class-merge/.test(file))
  .map((file) => ({ file, lists: [...new Set(classLists(readFileSync(join(SRC, file), 'utf8')))] }))
const isUi = (file: string) => /^components[\\/]ui[\\/]/.test(file)

/** Keeps at most `limit` of `items`, spread evenly, so the corpus grows without the test slowing. */
function sample<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items
  const step = Math.ceil(items.length / limit)
  return items.filter((_, i) => i % step === 0)
}

function differences(inputs: string[]) {
  return inputs
    .map((input) => ({ input, twMerge: twMerge(input), mergeClasses: mergeClasses(input) }))
    .filter((result) => result.twMerge !== result.mergeClasses)
}

describe('mergeClasses agrees with tailwind-merge', () => {
  it('finds the class lists in the source', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files.reduce((sum, { lists }) => sum + lists.length, 0)).toBeGreaterThan(1000)
  })

  it('on every pair of class lists in one file', () => {
    const inputs = files.flatMap(({ lists }) => [
      ...lists,
      ...lists.flatMap((a, i) => lists.filter((_, j) => j !== i).map((b) => `${a} ${b}`)),
    ])
    expect(inputs.length).toBeGreaterThan(10_000)
    expect(differences(sample(inputs, 200_000)).slice(0, 20)).toEqual([])
  }, 60_000)

  it('on every ui component class list followed by a class list from its callers', () => {
    const lists = (ui: boolean) => [
      ...new Set(files.filter(({ file }) => isUi(file) === ui).flatMap(({ lists }) => lists)),
    ]
    const callers = lists(false)
    const inputs = lists(true).flatMap((a) => callers.map((b) => `${a} ${b}`))
    expect(inputs.length).toBeGreaterThan(50_000)
    expect(differences(sample(inputs, 200_000)).slice(0, 20)).toEqual([])
  }, 60_000)
})

describe('mergeClasses', () => {
  it.each([
    // Later wins in one group; variants and `!` make separate groups.
    ['p-2 p-4', 'p-4'],
    ['hover:bg-red-500 bg-blue-500 hover:bg-green-500', 'bg-blue-500 hover:bg-green-500'],
    ['dark:text-white text-black', 'dark:text-white text-black'],
    ['md:flex md:hidden', 'md:hidden'],
    ['hover:focus:bg-accent focus:hover:bg-muted', 'focus:hover:bg-muted'],
    ['[&_svg]:hover:size-4 hover:[&_svg]:size-5', '[&_svg]:hover:size-4 hover:[&_svg]:size-5'],
    ['data-[state=open]:bg-accent data-[state=open]:bg-muted', 'data-[state=open]:bg-muted'],
    ['aria-invalid:border-destructive aria-invalid:border-ring', 'aria-invalid:border-ring'],
    ['[&_svg]:size-4 [&_svg]:size-3', '[&_svg]:size-3'],
    ['before:hover:p-1 hover:before:p-2', 'before:hover:p-1 hover:before:p-2'],
    ['!p-2 p-4', '!p-2 p-4'],
    ['p-2! !p-4', '!p-4'],
    ['hover:!p-2 hover:p-4!', 'hover:p-4!'],
    // Shorthands override their longhands, not the other way round.
    ['px-2 pt-1 p-4', 'p-4'],
    ['p-4 px-2', 'p-4 px-2'],
    ['mx-2 my-1 m-0', 'm-0'],
    ['top-0 left-2 inset-0', 'inset-0'],
    ['inset-0 inset-x-2', 'inset-0 inset-x-2'],
    ['rounded-tl-md rounded-b-lg rounded-md', 'rounded-md'],
    ['rounded-l-md rounded-tl-none', 'rounded-l-md rounded-tl-none'],
    ['border-b border-t-2 border', 'border'],
    ['border-x-2 border-l', 'border-x-2 border-l'],
    ['border-t-transparent border-transparent', 'border-transparent'],
    ['gap-x-2 gap-y-1 gap-4', 'gap-4'],
    ['w-4 h-4 size-6', 'size-6'],
    ['size-6 w-4', 'size-6 w-4'],
    ['overflow-x-auto overflow-hidden', 'overflow-hidden'],
    ['flex-1 shrink-0', 'flex-1 shrink-0'],
    ['shrink-0 grow flex-1', 'flex-1'],
    ['sr-only p-2 absolute not-sr-only', 'p-2 absolute not-sr-only'],
    ['relative p-2 sr-only', 'sr-only'],
    // One prefix, several groups.
    ['text-sm text-red-500 text-muted-foreground text-lg', 'text-muted-foreground text-lg'],
    [
      'text-[13px] text-[color:var(--x)] text-[length:2em]',
      'text-[color:var(--x)] text-[length:2em]',
    ],
    ['text-[var(--x)] text-sm text-(--y)', 'text-sm text-(--y)'],
    [
      'text-left text-center text-balance truncate text-ellipsis',
      'text-center text-balance text-ellipsis',
    ],
    ['leading-6 text-sm/7', 'text-sm/7'],
    ['text-sm/7 leading-6', 'text-sm/7 leading-6'],
    ['border border-input border-2 border-ring', 'border-2 border-ring'],
    ['border-dashed border-solid border-0', 'border-solid border-0'],
    ['bg-red-500 bg-linear-to-r bg-primary/90', 'bg-linear-to-r bg-primary/90'],
    ['bg-[url(/x.png)] bg-none bg-[#fff] bg-(--c)', 'bg-none bg-(--c)'],
    [
      'bg-center bg-cover bg-no-repeat bg-fixed bg-muted',
      'bg-center bg-cover bg-no-repeat bg-fixed bg-muted',
    ],
    ['shadow-sm shadow-black/10 shadow-lg shadow-primary', 'shadow-lg shadow-primary'],
    [
      'shadow-[0_1px_2px_rgba(0,0,0,0.1)] shadow-none shadow-[inset_0_-1px_0_var(--border)]',
      'shadow-[inset_0_-1px_0_var(--border)]',
    ],
    ['ring ring-ring/50 ring-[3px] ring-destructive/20', 'ring-[3px] ring-destructive/20'],
    [
      'ring-offset-2 ring-offset-background ring-inset',
      'ring-offset-2 ring-offset-background ring-inset',
    ],
    ['outline-none outline outline-2 outline-ring', 'outline-none outline-2 outline-ring'],
    ['font-medium font-mono font-semibold font-sans', 'font-semibold font-sans'],
    ['font-[550] font-bold', 'font-bold'],
    ['italic not-italic underline no-underline uppercase', 'not-italic no-underline uppercase'],
    ['block flex grid hidden inline-flex', 'inline-flex'],
    ['table table-fixed table-row', 'table-fixed table-row'],
    ['static relative absolute fixed sticky', 'sticky'],
    ['visible invisible', 'invisible'],
    [
      'flex-row flex-col flex-wrap flex-nowrap flex-auto flex-none',
      'flex-col flex-nowrap flex-none',
    ],
    [
      'items-start items-center justify-start justify-items-center place-items-end',
      'justify-start place-items-end',
    ],
    ['content-center content-none', 'content-center content-none'],
    ['tabular-nums proportional-nums', 'proportional-nums'],
    ['line-clamp-2 block overflow-hidden line-clamp-3', 'line-clamp-3'],
    // Arbitrary, negative and fractional values.
    ['w-[var(--x)] w-full', 'w-full'],
    ['max-h-(--radix-select-content-available-height) max-h-96', 'max-h-96'],
    ['min-w-[8rem] min-w-(--radix-select-trigger-width)', 'min-w-(--radix-select-trigger-width)'],
    ['-translate-y-1 translate-y-[-50%] translate-y-0', 'translate-y-0'],
    ['-mt-2 mt-1', 'mt-1'],
    ['w-1/2 w-full', 'w-full'],
    ['top-1/2 top-[50%]', 'top-[50%]'],
    ['-translate-x-1/2 translate-x-0', 'translate-x-0'],
    ['translate-x-2 translate-none', 'translate-none'],
    [
      '[field-sizing:fixed] [field-sizing:content] [mask-type:luminance]',
      '[field-sizing:content] [mask-type:luminance]',
    ],
    ['[&>svg]:hidden [&>svg]:block', '[&>svg]:block'],
    ['has-[>svg]:px-3 has-[>svg]:px-2.5', 'has-[>svg]:px-2.5'],
    ['grid-cols-[1fr_8rem] grid-cols-2 col-span-2 col-auto', 'grid-cols-2 col-auto'],
    ['z-10 z-50 opacity-50 opacity-0', 'z-50 opacity-0'],
    ['transition transition-colors duration-200 duration-100', 'transition-colors duration-100'],
    ['space-y-1 space-y-2 divide-y divide-y-2 divide-border', 'space-y-2 divide-y-2 divide-border'],
    ['stroke-2 stroke-border stroke-1', 'stroke-border stroke-1'],
    [
      'decoration-2 decoration-dashed decoration-primary',
      'decoration-2 decoration-dashed decoration-primary',
    ],
    // Anything else is kept, duplicates and all, as tailwind-merge keeps it.
    ['foo bar foo', 'foo bar foo'],
    ['group peer group/item top-level', 'group peer group/item top-level'],
    ['p-2 my-class p-4 my-class', 'my-class p-4 my-class'],
    ['  p-2\n\tp-3  ', 'p-3'],
    ['', ''],
  ])('%j → %j, as tailwind-merge does', (input, expected) => {
    expect(twMerge(input)).toBe(expected)
    expect(mergeClasses(input)).toBe(expected)
  })
})

describe('cn', () => {
  it('takes what clsx takes and merges the result', () => {
    expect(
      cn(
        'p-2',
        ['px-4', ['text-sm']],
        { 'text-lg': true, hidden: false },
        null,
        undefined,
        false,
        0,
        '',
      ),
    ).toBe('p-2 px-4 text-lg')
    const padded = (open: boolean) => cn('p-2 bg-muted', open && 'p-4', { 'bg-accent': open })
    expect(padded(false)).toBe('p-2 bg-muted')
    expect(padded(true)).toBe('p-4 bg-accent')
    expect(cn()).toBe('')
  })
})
