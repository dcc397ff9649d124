/** The "×" that removes one row of a list being edited; its label says which row. */
import { ActionIcon } from '@mantine/core';

export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    // Lined up with the inputs of the row, below their labels.
    <ActionIcon variant="default" size="lg" mt={25} aria-label={label} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </ActionIcon>
  );
}
