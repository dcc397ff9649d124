/** Which kind of entry the account timeline shows: everything, or conversations, system events, money or delivery only. */
import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_CATEGORIES, type TimelineCategory } from '@common/enums';

const ALL = 'all';

interface Props {
  value: TimelineCategory | undefined;
  /** Undefined for everything. */
  onChange: (kind: TimelineCategory | undefined) => void;
}

export function TimelineKindFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  // One radio group: arrow keys move between the choices, as with any radio buttons.
  const name = `${labelId}-kind`;
  return (
    <Group gap="xs" role="radiogroup" aria-labelledby={labelId} wrap="wrap">
      <Text size="sm" id={labelId} fw={500}>
        {t('timelineKinds.label')}
      </Text>
      <Chip.Group multiple={false} value={value ?? ALL} onChange={(v) => onChange(v === ALL ? undefined : v)}>
        {[ALL, ...TIMELINE_CATEGORIES].map((kind) => (
          <Chip key={kind} value={kind} name={name} size="sm" variant="outline">
            {t(`timelineKinds.${kind}`)}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
