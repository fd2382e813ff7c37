/**
 * Tailwind class conflict resolution for `cn`. tailwind-merge knows every Tailwind utility, and
 * that vocabulary cost ~7.6 KB brotli on every first page; this knows the utilities the console
 * writes and their near relatives. class-merge.test.ts holds it to tailwind-merge's answer on
 * every class list in src/, so a utility it reads differently fails a test, not a page.
 */

type Rule = (value: string) => string | undefined

// tailwind-merge's tests for arbitrary values, so `text-[13px]` and `text-[var(--c)]` land in the
// groups they land in there.
const LENGTH =
  /\d+(%|px|r?em|[sdl]?v([hwib]|min|max)|pt|pc|in|cm|mm|Q|cap|ch|ex|r?lh|cq(w|h|i|b|min|max))|\b(calc|min|max|clamp)\(.+\)|^--spacing\(.+\)|^0$/
const COLOR_FUNCTION = /^(rgba?|hsla?|hwb|(ok)?(lab|lch)|color(-mix)?|light-dark)\(/i
const SHADOW = /^(inset_)?-?((\d+)?\.?(\d+)[a-z]+|0)_-?((\d+)?\.?(\d+)[a-z]+|0)/
const IMAGE = /^(url|image|(repeating-)?(linear|radial|conic)-gradient)\(/
const TSHIRT = /^(\d+(\.\d+)?)?(xs|sm|md|lg|xl)$/
const ARBITRARY = /^\[.+\]$|^\(.+\)$/
// The keyword values of the utilities below. Checking values keeps words that merely start like
// a utility (`top-level`, `items-heading`, `animate-in`) unknown, as they are to tailwind-merge.
const SIZES = new Set(
  'px full auto screen fit min max none prose lh svh lvh dvh svw lvw dvw'.split(' '),
)
const WORDS = new Set(
  'start end center stretch between around evenly baseline normal first last square video pointer default text not-allowed move wait help grab all nowrap pre pre-line pre-wrap words keep anywhere break-word tight snug relaxed loose tighter wide wider widest spin ping pulse bounce colors opacity shadow transform top middle bottom left right subgrid dense row col fr hidden clip visible scroll contain fixed'.split(
    ' ',
  ),
)

const isNumber = (value: string) => !!value && !Number.isNaN(Number(value))
const isSize = (value: string) =>
  isNumber(value) || SIZES.has(value) || TSHIRT.test(value) || ARBITRARY.test(value)
const isValue = (value: string) => isSize(value) || WORDS.has(value)

/**
 * Whether `value` is `[label:…]` or `(label:…)` with one of `labels`, an unlabelled `[…]` whose
 * content passes `shape`, or (when `bareVariable`) an unlabelled `(--var)`.
 */
function isArbitrary(
  value: string,
  labels: string,
  shape: (content: string) => boolean,
  bareVariable?: boolean,
): boolean {
  const match = /^([[(])(?:(\w[\w-]*):)?(.+)[\])]$/.exec(value)
  if (!match) return false
  if (match[2]) return labels.split(' ').includes(match[2])
  return match[1] === '[' ? shape(match[3] ?? '') : !!bareVariable
}

const isLength = (value: string) =>
  isArbitrary(value, 'length', (content) => LENGTH.test(content) && !COLOR_FUNCTION.test(content))
const isWidth = (value: string) => !value || isNumber(value) || isLength(value)
const LINE_STYLE = /^(solid|dashed|dotted|double|hidden|none)$/

const RULES: Record<string, Rule> = {}
const KEYWORDS: Record<string, string> = {}

/** `list` holds `prefix` or `prefix=group` entries. */
function rules(list: string, rule: (group: string) => Rule) {
  for (const entry of list.split(' ')) {
    const [prefix = '', group = prefix] = entry.split('=')
    RULES[prefix] = rule(group)
  }
}
function keywords(group: string, words: string) {
  for (const word of words.split(' ')) KEYWORDS[word] = group || word
}

const BOX_SIDES = 'x y s e bs be t r b l'
/** `px py ps…` for `p`. */
const sides = (box: string, list = BOX_SIDES) =>
  list
    .split(' ')
    .map((side) => box + side)
    .join(' ')
const SPACING = ['p', 'm', 'scroll-p', 'scroll-m'].map((box) => `${box} ${sides(box)}`).join(' ')

rules(
  `${SPACING} gap gap-x gap-y w h size min-w min-h max-w max-h inset inset-x inset-y top right bottom left start end translate translate-x translate-y basis`,
  (group) => (value) => (isSize(value) ? group : undefined),
)
rules(
  'items justify justify-items justify-self self place-content place-items place-self z order opacity grow shrink aspect cursor select pointer-events resize appearance whitespace break wrap leading tracking line-clamp duration delay animate transition rotate scale origin grid-cols grid-rows grid-flow auto-cols auto-rows col col-span=col col-start col-end row row-span=row row-start row-end columns float clear overflow overflow-x overflow-y align underline-offset outline-offset table=table-layout blur backdrop-blur',
  (group) => (value) => (isValue(value) ? group : undefined),
)
rules('ease accent caret fill placeholder', (group) => (value) => value && group)
rules(`rounded ${sides('rounded-', 's e t r b l ss se ee es tl tr br bl')}`, (group) => () => group)
rules(
  'space-x space-y',
  (group) => (value) =>
    value === 'reverse' ? group + '-reverse' : isValue(value) ? group : undefined,
)
// `c:` marks the colour group beside a width or size group with the same prefix.
rules(
  `border ${sides('border-')}`,
  (group) => (value) =>
    isWidth(value)
      ? group
      : group === 'border' && LINE_STYLE.test(value)
        ? 'border-style'
        : group === 'border' && /^(collapse|separate)$/.test(value)
          ? 'border-collapse'
          : 'c:' + group,
)
rules(
  'ring inset-ring ring-offset outline divide-x divide-y',
  (group) => (value) =>
    isWidth(value) && !(group === 'ring-offset' && !value)
      ? group
      : value === 'inset' && group === 'ring'
        ? 'ring-inset'
        : value === 'reverse' && group[0] === 'd'
          ? group + '-reverse'
          : group === 'outline' && LINE_STYLE.test(value)
            ? 'outline-style'
            : value && 'c:' + group,
)
rules(
  'shadow inset-shadow text-shadow drop-shadow',
  (group) => (value) =>
    value === 'none' ||
    TSHIRT.test(value) ||
    isArbitrary(value, 'shadow', (content) => SHADOW.test(content), true)
      ? group
      : value && 'c:' + group,
)
Object.assign(RULES, {
  text: (value) =>
    /^(left|center|right|justify|start|end)$/.test(value)
      ? 'text-align'
      : /^(wrap|nowrap|balance|pretty)$/.test(value)
        ? 'text-wrap'
        : /^(ellipsis|clip)$/.test(value)
          ? 'text-overflow'
          : value === 'base' || TSHIRT.test(value) || isLength(value)
            ? 'text'
            : value && 'c:text',
  font: (value) =>
    /^(thin|extralight|light|normal|medium|semibold|bold|extrabold|black)$/.test(value) ||
    isArbitrary(value, 'number weight', () => true, true)
      ? 'font-weight'
      : value && 'font-family',
  bg: (value) =>
    value === 'none' ||
    /^(linear-|radial|conic)/.test(value) ||
    isArbitrary(value, 'image url', (content) => IMAGE.test(content))
      ? 'bg-image'
      : /^(center|top|bottom|left|right)(-(top|bottom|left|right))?$/.test(value)
        ? 'bg-position'
        : /^(auto|cover|contain)$/.test(value)
          ? 'bg-size'
          : /^(fixed|local|scroll)$/.test(value)
            ? 'bg-attachment'
            : /^(no-)?repeat/.test(value)
              ? 'bg-repeat'
              : value && 'c:bg',
  stroke: (value) => (isNumber(value) || isLength(value) ? 'stroke-w' : value && 'stroke'),
  divide: (value) => (LINE_STYLE.test(value) ? 'divide-style' : value && 'c:divide'),
  flex: (value) =>
    /^(row|col)(-reverse)?$/.test(value)
      ? 'flex-direction'
      : /^(nowrap|wrap|wrap-reverse)$/.test(value)
        ? 'flex-wrap'
        : value && 'flex',
  content: (value) =>
    /^(normal|start|end|center|between|around|evenly|stretch|baseline)$/.test(value)
      ? 'content'
      : /^none$|^\[.+\]$|^\(.+\)$/.test(value)
        ? 'content-value'
        : undefined,
} satisfies Record<string, Rule>)

keywords(
  'display',
  'block inline-block inline flex inline-flex table inline-table table-caption table-cell table-column table-column-group table-footer-group table-header-group table-row-group table-row flow-root grid inline-grid contents list-item hidden',
)
keywords('position', 'static fixed absolute relative sticky')
keywords('visibility', 'visible invisible collapse')
keywords('font-style', 'italic not-italic')
keywords('text-transform', 'uppercase lowercase capitalize normal-case')
keywords('text-decoration', 'underline overline line-through no-underline')
keywords('text-overflow', 'truncate')
keywords('fvn-spacing', 'proportional-nums tabular-nums')
keywords('shadow', 'shadow shadow-inner')
keywords('box-sizing', 'box-border box-content')
keywords('field-sizing', 'field-sizing-fixed field-sizing-content')
keywords('', 'sr-only not-sr-only grow shrink transition blur drop-shadow')

/** For each group, the groups a later class in it overrides besides its own. */
const CONFLICTS: Record<string, string[]> = {}
function conflicts(group: string, others: string) {
  CONFLICTS[group] = others.split(' ')
}
for (const box of ['p', 'm', 'scroll-p', 'scroll-m', 'border-', 'c:border-']) {
  const all = box.replace(/-$/, '')
  conflicts(all, sides(box))
  conflicts(box + 'x', sides(box, 's e r l'))
  conflicts(box + 'y', sides(box, 'bs be t b'))
}
for (const corners of 's:ss es e:se ee t:tl tr r:tr br b:br bl l:tl bl'.split(/ (?=\w:)/)) {
  conflicts('rounded-' + corners[0], sides('rounded-', corners.slice(2)))
}
conflicts('rounded', sides('rounded-', 's e t r b l ss se ee es tl tr br bl'))
conflicts('inset', 'inset-x inset-y start end top right bottom left')
conflicts('inset-x', 'start end right left')
conflicts('inset-y', 'top bottom')
conflicts('overflow', 'overflow-x overflow-y')
conflicts('flex', 'basis grow shrink')
conflicts('gap', 'gap-x gap-y')
conflicts('place-content', 'content justify')
conflicts('place-items', 'items justify-items')
conflicts('place-self', 'self justify-self')
conflicts('size', 'w h')
conflicts('line-clamp', 'display overflow')
conflicts('translate', 'translate-x translate-y')
conflicts('not-sr-only', 'sr-only')
conflicts(
  'sr-only',
  `not-sr-only position size w h p ${sides('p')} m ${sides('m')} overflow overflow-x overflow-y whitespace`,
)

function groupOf(name: string): string | undefined {
  if (name[0] === '[') {
    const property = /^\[([^:]+):.*\]$/.exec(name)?.[1]
    return property && '[' + property
  }
  if (KEYWORDS[name]) return KEYWORDS[name]
  const parts = name.split('-')
  const first = parts[0] === '' && parts.length > 1 ? 1 : 0
  for (let end = parts.length; end > first; end--) {
    const rule = RULES[parts.slice(first, end).join('-')]
    const group = rule?.(parts.slice(end).join('-'))
    // A bare prefix (`overflow-x`) is not a value of a shorter one (`overflow`).
    if (group || (rule && end === parts.length)) return group
  }
  return undefined
}

// Variants whose order changes the selector keep their place; tailwind-merge sorts the rest.
const ORDERED_VARIANTS = new Set(
  '* ** after backdrop before details-content file first-letter first-line marker placeholder selection'.split(
    ' ',
  ),
)

function variantKey(variants: string[]): string {
  const key: string[] = []
  let run: string[] = []
  for (const variant of variants) {
    if (variant[0] === '[' || ORDERED_VARIANTS.has(variant)) {
      key.push(...run.sort(), variant)
      run = []
    } else run.push(variant)
  }
  return key.concat(run.sort()).join(':')
}

/**
 * The variants-and-`!` key, group and whether a `/` modifier followed it, for a class this knows.
 * Splits where tailwind-merge does: at `:` and `/` outside brackets and quotes.
 */
function parse(className: string): [key: string, group: string, hasPostfix: boolean] | undefined {
  const variants: string[] = []
  let depth = 0
  let start = 0
  let slash = 0
  for (let i = 0; i < className.length; i++) {
    const char = className[i]
    if (!depth && char === ':') {
      variants.push(className.slice(start, i))
      start = i + 1
      slash = 0
    } else if (!depth && char === '/') slash = i
    else if (char === '[' || char === '(') depth++
    else if (char === ']' || char === ')') depth--
    else if (char === '\\') i++
    else if (char === '"' || char === "'") {
      while (++i < className.length && className[i] !== char) if (className[i] === '\\') i++
    }
  }
  let name = className.slice(start)
  let postfix = slash && slash - start
  const important = name.endsWith('!') || name[0] === '!'
  if (name.endsWith('!')) name = name.slice(0, -1)
  else if (important) {
    name = name.slice(1)
    postfix--
  }
  let group = postfix > 0 ? groupOf(name.slice(0, postfix)) : undefined
  const hasPostfix = !!group
  group ??= groupOf(name)
  if (!group) return undefined
  return [variantKey(variants) + (important ? '!' : '') + ':', group, hasPostfix]
}

const cache = new Map<string, string>()

/**
 * `classList` with each class that a later class overrides removed, as tailwind-merge does: a
 * later class wins over earlier ones in its group, or in a group it covers (`p-4` over `px-2`),
 * under the same variants and `!`. Classes it does not know are all kept.
 */
export function mergeClasses(classList: string): string {
  const cached = cache.get(classList)
  if (cached !== undefined) return cached
  const claimed = new Set<string>()
  const kept: string[] = []
  for (const className of classList.trim().split(/\s+/).reverse()) {
    const parsed = parse(className)
    if (parsed) {
      const [key, group, hasPostfix] = parsed
      if (claimed.has(key + group)) continue
      claimed.add(key + group)
      for (const other of CONFLICTS[group] ?? []) claimed.add(key + other)
      // `text-sm/6` sets the line height too.
      if (hasPostfix && group === 'text') claimed.add(key + 'leading')
    }
    kept.push(className)
  }
  const merged = kept.reverse().join(' ')
  // Class lists come from a bounded set of call sites; the cap only guards against a leak.
  if (cache.size > 1000) cache.clear()
  cache.set(classList, merged)
  return merged
}
