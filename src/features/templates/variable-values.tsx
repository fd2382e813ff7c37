/** An agent's memory variables with their values, as text. */
export function VariableValues({ variables }: { variables: Record<string, string> }) {
  const entries = Object.entries(variables)
  if (!entries.length) {
    return <p className="text-sm text-muted-foreground">No memory variables.</p>
  }
  return (
    <table className="text-sm">
      <caption className="sr-only">Memory variables</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th
              scope="row"
              className="pr-3 text-left align-top font-mono text-xs font-normal text-muted-foreground"
            >
              {name}
            </th>
            <td className="break-words whitespace-pre-wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
