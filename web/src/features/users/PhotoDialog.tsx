/** Admin: a user's photo, uploaded or removed from the users list (the same editor as on their own page). */
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@common/schemas/user';
import { UserEditDialog, type UserFormProps } from './UserEditDialog';
import { UserPhotoEditor } from './UserPhoto';

function PhotoForm({ user, onDone }: UserFormProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <UserPhotoEditor user={user} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('people.photo.done')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PhotoDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return <UserEditDialog user={user} onClose={onClose} title={(name) => t('people.photo.dialogTitle', { name })} form={PhotoForm} />;
}
