/** The "×" that removes one row of a list being edited; its label says which row. */
import { ActionIcon } from '@mantine/core';

/** `labelled`: the row's inputs have labels above them (not so in a table, whose headers name them). */
export function RemoveRowButton({ label, onClick, labelled = true }: { label: string; onClick: () => void; labelled?: boolean }) {
  return (
    // Lined up with the inputs of the row, below their labels.
    <ActionIcon variant="default" size="lg" mt={labelled ? 25 : 0} aria-label={label} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </ActionIcon>
  );
}
