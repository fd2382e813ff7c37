/**
 * Tailwind class conflict resolution for `cn`. tailwind-merge knows every Tailwind utility, and
 * that vocabulary cost ~7.6 KB brotli on every first page; this knows the utilities the console
 * writes and their near relatives. class-merge.test.ts holds it to tailwind-merge's answer on
 * every class list in src/, so a utility it reads differently fails a test, not a page.
 */

type Rule = (value: string) => string | undefined

// tailwind-merge's own tests for arbitrary values, so `text-[13px]` and `text-[var(--c)]` land in
// the same groups as there.
const LENGTH =
  /\d+(%|px|r?em|[sdl]?v([hwib]|min|max)|pt|pc|in|cm|mm|Q|cap|ch|ex|r?lh|cq(w|h|i|b|min|max))|\b(calc|min|max|clamp)\(.+\)|^--spacing\(.+\)|^0$/
const COLOR_FUNCTION =
  /^(rgba?|hsla?|hwb|(ok)?(lab|lch)|color-mix|color|light-dark|contrast-color|device-cmyk|--alpha)\(.+\)$/i
const SHADOW = /^(inset_)?-?((\d+)?\.?(\d+)[a-z]+|0)_-?((\d+)?\.?(\d+)[a-z]+|0)/
const IMAGE =
  /^(url|image|image-set|cross-fade|element|(repeating-)?(linear|radial|conic)-gradient)\(.+\)$/
const TSHIRT = /^(\d+(\.\d+)?)?(xs|sm|md|lg|xl)$/
const SPACING =
  /^(\d*\.?\d+|px|full|auto|screen|fit|min|max|none|prose|lh|[dls]v[hw]|(\d+(\.\d+)?)?(xs|sm|md|lg|xl)|\[.+\]|\(.+\))$/

const isNumber = (value: string) => !!value && !Number.isNaN(Number(value))

/**
 * Whether `value` is `[label:…]` or `(label:…)` with one of `labels`, an unlabelled `[…]` whose
 * content passes `shape`, or (when `bareVariable`) an unlabelled `(--var)`.
 */
function isArbitrary(
  value: string,
  labels: string,
  shape?: (content: string) => boolean,
  bareVariable?: boolean,
): boolean {
  const match = /^([[(])(?:(\w[\w-]*):)?(.+)[\])]$/.exec(value)
  if (!match) return false
  if (match[2]) return labels.split(' ').includes(match[2])
  return match[1] === '[' ? !!shape?.(match[3] ?? '') : !!bareVariable
}

const isLength = (value: string) =>
  isArbitrary(value, 'length', (content) => LENGTH.test(content) && !COLOR_FUNCTION.test(content))
const isWidth = (value: string) => !value || isNumber(value) || isLength(value)
const isShadow = (value: string) =>
  value === 'none' ||
  TSHIRT.test(value) ||
  isArbitrary(value, 'shadow', (content) => SHADOW.test(content), true)
const oneOf = (words: string) => (value: string) => words.split(' ').includes(value)
const isLineStyle = oneOf('solid dashed dotted double hidden none')

const RULES: Record<string, Rule> = {}
const KEYWORDS: Record<string, string> = {}

/** `list` is `prefix` or `prefix=group` entries; the rule gets `prefix`'s group. */
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
/** `p`, `px`, `py`, `ps`… */
const sidesOf = (box: string) => [box, ...BOX_SIDES.split(' ').map((side) => box + side)].join(' ')

// Sizes, spacing and offsets: a number, fraction, size keyword or arbitrary value, so words that
// merely start like a utility (`top-level`) stay unknown, as they are to tailwind-merge.
rules(
  `${sidesOf('p')} ${sidesOf('m')} ${sidesOf('scroll-p')} ${sidesOf('scroll-m')} gap gap-x gap-y space-x space-y w h size min-w min-h max-w max-h inline min-inline max-inline block min-block max-block inset inset-x inset-y inset-bs inset-be top right bottom left start end translate translate-x translate-y translate-z indent border-spacing border-spacing-x border-spacing-y`,
  (group) => (value) =>
    value === 'reverse' && group.startsWith('space')
      ? group + '-reverse'
      : SPACING.test(value)
        ? group
        : undefined,
)
// Keyword utilities, one a line: prefix (`=group` when it shares one), then its values; `#` is
// any number and `~` a t-shirt size. Arbitrary values pass everywhere.
const ALIGN = 'start end center stretch center-safe end-safe'
const DISTRIBUTE = `${ALIGN} between around evenly baseline normal`
const OVERFLOW = 'auto hidden clip visible scroll'
for (const line of `items ${ALIGN} baseline baseline-last
justify ${DISTRIBUTE}
justify-items ${ALIGN} normal
justify-self auto ${ALIGN}
self auto ${ALIGN} baseline baseline-last
place-content ${DISTRIBUTE}
place-items ${ALIGN} baseline
place-self auto ${ALIGN}
z # auto
order # first last none
opacity #
grow #
shrink #
basis # auto full ~
aspect # square video auto
cursor auto default pointer wait text move help not-allowed none progress crosshair copy grab grabbing col-resize row-resize ew-resize ns-resize zoom-in zoom-out
select none text all auto
pointer-events auto none
resize none x y
appearance none auto
whitespace normal nowrap pre pre-line pre-wrap break-spaces
break normal words all keep
wrap break-word anywhere normal
leading # none tight snug normal relaxed loose px
tracking tighter tight normal wide wider widest
line-clamp # none
duration # initial
delay #
ease linear in out in-out initial
animate none spin ping pulse bounce
transition all colors opacity shadow transform none
rotate # none
scale # none
scale-x #
scale-y #
skew-x #
skew-y #
origin center top top-right right bottom-right bottom bottom-left left top-left
grid-cols # none subgrid
grid-rows # none subgrid
grid-flow row col dense row-dense col-dense
auto-cols auto min max fr
auto-rows auto min max fr
col auto
col-span=col # full
col-start # auto
col-end # auto
row auto
row-span=row # full
row-start # auto
row-end # auto
columns # auto ~
float right left start end none
clear left right both none start end
overflow ${OVERFLOW}
overflow-x ${OVERFLOW}
overflow-y ${OVERFLOW}
overscroll auto contain none
overscroll-x auto contain none
overscroll-y auto contain none
align baseline top middle bottom text-top text-bottom sub super
underline-offset # auto
outline-offset #
field-sizing fixed content
table=table-layout auto fixed
blur none ~
backdrop-blur none ~`.split('\n')) {
  const [entry = '', ...values] = line.split(' ')
  rules(
    entry,
    (group) => (value) =>
      values.includes(value) ||
      (values.includes('#') && isNumber(value)) ||
      (values.includes('~') && TSHIRT.test(value)) ||
      /^\[.+\]$|^\(.+\)$/.test(value)
        ? group
        : undefined,
  )
}
rules('accent caret fill placeholder', (group) => (value) => value && group)
rules(
  ['', ...'s e t r b l ss se ee es tl tr br bl'.split(' ').map((side) => '-' + side)]
    .map((side) => 'rounded' + side)
    .join(' '),
  (group) => () => group,
)
rules(
  `border ${BOX_SIDES.split(' ')
    .map((side) => 'border-' + side)
    .join(' ')}`,
  (group) => (value) =>
    isWidth(value)
      ? group
      : group === 'border' && isLineStyle(value)
        ? 'border-style'
        : group === 'border' && /^(collapse|separate)$/.test(value)
          ? 'border-collapse'
          : 'c:' + group,
)
rules(
  'ring inset-ring divide-x divide-y outline',
  (group) => (value) =>
    isWidth(value)
      ? group
      : group === 'ring' && value === 'inset'
        ? 'ring-inset'
        : group[0] === 'd' && value === 'reverse'
          ? group + '-reverse'
          : group === 'outline' && isLineStyle(value)
            ? 'outline-style'
            : 'c:' + group,
)
rules(
  'shadow inset-shadow text-shadow drop-shadow',
  (group) => (value) => (isShadow(value) ? group : value && 'c:' + group),
)
rules(
  'from via to',
  (group) => (value) =>
    /^\d*\.?\d+%$/.test(value) || isLength(value) ? group + '-pos' : value ? group : undefined,
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
      : /^(center|top|bottom|left|right)(-(top|bottom|left|right))?$/.test(value) ||
          isArbitrary(value, 'position percentage')
        ? 'bg-position'
        : /^(no-)?repeat/.test(value)
          ? 'bg-repeat'
          : /^(auto|cover|contain)$/.test(value) || isArbitrary(value, 'length size bg-size')
            ? 'bg-size'
            : /^(fixed|local|scroll)$/.test(value)
              ? 'bg-attachment'
              : value && 'c:bg',
  'ring-offset': (value) =>
    isNumber(value) || isLength(value) ? 'ring-offset' : value && 'c:ring-offset',
  stroke: (value) =>
    isNumber(value) || isLength(value) || isArbitrary(value, 'number', isNumber)
      ? 'stroke-w'
      : value && 'stroke',
  decoration: (value) =>
    /^(solid|dashed|dotted|double|wavy)$/.test(value)
      ? 'decoration-style'
      : /^(from-font|auto)$/.test(value) || isNumber(value) || isLength(value)
        ? 'decoration-w'
        : value && 'c:decoration',
  divide: (value) => (isLineStyle(value) ? 'divide-style' : value && 'c:divide'),
  flex: (value) =>
    /^(row|col)(-reverse)?$/.test(value)
      ? 'flex-direction'
      : /^(nowrap|wrap|wrap-reverse)$/.test(value)
        ? 'flex-wrap'
        : value && 'flex',
  content: (value) =>
    /^(normal|start|end|center|between|around|evenly|stretch|baseline|center-safe|end-safe)$/.test(
      value,
    )
      ? 'content'
      : /^none$|^\[.+\]$|^\(.+\)$/.test(value)
        ? 'content-value'
        : undefined,
  object: (value) =>
    /^(contain|cover|fill|none|scale-down)$/.test(value)
      ? 'object-fit'
      : value && 'object-position',
  list: (value) => (/^(inside|outside)$/.test(value) ? 'list-position' : value && 'list'),
} satisfies Record<string, Rule>)

keywords(
  'display',
  'block inline-block inline flex inline-flex table inline-table table-caption table-cell table-column table-column-group table-footer-group table-header-group table-row-group table-row flow-root grid inline-grid contents list-item hidden',
)
keywords('position', 'static fixed absolute relative sticky')
keywords('visibility', 'visible invisible collapse')
keywords('font-style', 'italic not-italic')
keywords('font-smoothing', 'antialiased subpixel-antialiased')
keywords('text-transform', 'uppercase lowercase capitalize normal-case')
keywords('text-decoration', 'underline overline line-through no-underline')
keywords('text-overflow', 'truncate')
keywords('isolation', 'isolate isolation-auto')
keywords('box-sizing', 'box-border box-content')
keywords('fvn-figure', 'lining-nums oldstyle-nums')
keywords('fvn-spacing', 'proportional-nums tabular-nums')
keywords('fvn-fraction', 'diagonal-fractions stacked-fractions')
keywords('shadow', 'shadow shadow-inner')
keywords(
  '',
  'drop-shadow sr-only not-sr-only normal-nums ordinal slashed-zero grow shrink transition blur grayscale invert sepia',
)

/** For each group, the groups a later class in it overrides besides its own. */
const CONFLICTS: Record<string, string[]> = {}
function conflicts(group: string, others: string) {
  CONFLICTS[group] = others.split(' ')
}
for (const [box, join] of [
  ['p', ''],
  ['m', ''],
  ['scroll-p', ''],
  ['scroll-m', ''],
  ['border', '-'],
  ['c:border', '-'],
  ['border-spacing', '-'],
] as const) {
  const sides = (list: string) =>
    list
      .split(' ')
      .map((side) => box + join + side)
      .join(' ')
  conflicts(box, sides(box === 'border-spacing' ? 'x y' : BOX_SIDES))
  conflicts(box + join + 'x', sides('s e r l'))
  conflicts(box + join + 'y', sides('bs be t b'))
}
for (const corner of 's:ss es,e:se ee,t:tl tr,r:tr br,b:br bl,l:tl bl'.split(',')) {
  const [side = '', corners = ''] = corner.split(':')
  conflicts('rounded-' + side, corners.replace(/\w+/g, 'rounded-$&'))
}
conflicts('rounded', 's e t r b l ss se ee es tl tr br bl'.replace(/\w+/g, 'rounded-$&'))
conflicts('inset', 'inset-x inset-y inset-bs inset-be start end top right bottom left')
conflicts('inset-x', 'start end right left')
conflicts('inset-y', 'inset-bs inset-be top bottom')
conflicts('overflow', 'overflow-x overflow-y')
conflicts('overscroll', 'overscroll-x overscroll-y')
conflicts('flex', 'basis grow shrink')
conflicts('gap', 'gap-x gap-y')
conflicts('place-content', 'content justify')
conflicts('place-items', 'items justify-items')
conflicts('place-self', 'self justify-self')
conflicts('size', 'w h')
conflicts('line-clamp', 'display overflow')
conflicts('translate', 'translate-x translate-y translate-none')
conflicts('normal-nums', 'ordinal slashed-zero fvn-figure fvn-spacing fvn-fraction')
for (const group of 'ordinal slashed-zero fvn-figure fvn-spacing fvn-fraction'.split(' ')) {
  conflicts(group, 'normal-nums')
}
conflicts('not-sr-only', 'sr-only')
conflicts(
  'sr-only',
  `not-sr-only position size w h ${sidesOf('p')} ${sidesOf('m')} overflow overflow-x overflow-y whitespace`,
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
const ORDERED_VARIANTS = oneOf(
  '* ** after backdrop before details-content file first-letter first-line marker placeholder selection',
)

function variantKey(variants: string[]): string {
  const key: string[] = []
  let run: string[] = []
  for (const variant of variants) {
    if (variant[0] === '[' || ORDERED_VARIANTS(variant)) {
      key.push(...run.sort(), variant)
      run = []
    } else run.push(variant)
  }
  return key.concat(run.sort()).join(':')
}

/** The group key a class claims, or undefined when it is not a utility this knows. */
function classKey(
  className: string,
): [key: string, group: string, hasPostfix: boolean] | undefined {
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
    const found = classKey(className)
    if (found) {
      const [prefix, group, hasPostfix] = found
      if (claimed.has(prefix + group)) continue
      claimed.add(prefix + group)
      for (const other of CONFLICTS[group] ?? []) claimed.add(prefix + other)
      // `text-sm/6` sets the line height too.
      if (hasPostfix && group === 'text') claimed.add(prefix + 'leading')
    }
    kept.push(className)
  }
  const merged = kept.reverse().join(' ')
  // Class lists come from a bounded set of call sites; the cap only guards against a leak.
  if (cache.size > 1000) cache.clear()
  cache.set(classList, merged)
  return merged
}
