export interface RecordTableHeadProps {
  /** The column headers, left to right; a last column for each row's buttons follows them. */
  columns: readonly string[];
}

/** The head of a table of records (CPD entries, members) whose rows end with their buttons. */
export function RecordTableHead({ columns }: RecordTableHeadProps) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column}>
            {column}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
