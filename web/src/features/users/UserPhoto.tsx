/**
 * A user's photo: the avatar shown beside their name, and the editor that uploads or removes
 * it for whoever the record allows (`can.changePhoto`): the user on their own page, an admin
 * in the users list. The clients they look after see the photo on the portal.
 */
import { useRef, useState } from 'react';
import { Alert, Avatar, Button, FileButton, Group, Stack, Text, VisuallyHidden, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { USER_PHOTO_MAX_BYTES, type User } from '@common/schemas/user';
import { ActionDialog } from '../../components/ActionDialog';
import { describeError } from '../../components/describe-error';
import { notify } from '../../lib/notify';
import { useChangeUserPhoto } from './api';

/**
 * The photo, or the initials of the name while there is none (or it cannot load). Beside a
 * name the avatar is decoration; on its own it is named.
 */
export function UserAvatar({
  user,
  size,
  named = false,
}: {
  user: Pick<User, 'name' | 'photoUrl'>;
  size: MantineSize | number;
  named?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Avatar
      src={user.photoUrl}
      name={user.name}
      alt={named ? t('people.photo.alt', { name: user.name }) : ''}
      aria-hidden={named ? undefined : true}
      size={size}
      radius="xl"
      color="dark"
      variant="light"
      data-testid="user-avatar"
      data-photo={user.photoUrl ? 'yes' : 'no'}
    />
  );
}

/** Upload and removal of one user's photo; `own` words it for the signed-in user's own page. */
export function UserPhotoEditor({ user: given, own = false }: { user: User; own?: boolean }) {
  const { t } = useTranslation();
  // The user as last read after a change: the record passed in may be a list's older copy.
  const [fresh, setFresh] = useState<User | null>(null);
  const user = fresh?.id === given.id ? fresh : given;
  const upload = useChangeUserPhoto();
  const remove = useChangeUserPhoto();
  const [confirming, setConfirming] = useState(false);
  const resetInput = useRef<() => void>(null);

  const send = (file: File | null) => {
    resetInput.current?.(); // the same file may be picked again after a refusal
    if (!file) return;
    remove.reset();
    upload.mutate(
      { userId: user.id, file },
      {
        onSuccess: (saved) => {
          setFresh(saved);
          notify({ color: 'green', message: t('people.photo.saved', { name: saved.name }) });
        },
      },
    );
  };

  return (
    <Group align="flex-start" wrap="nowrap" gap="lg" data-testid="user-photo">
      <UserAvatar user={user} size={96} named />
      <Stack gap="xs" style={{ minWidth: 0 }}>
        {!user.photoUrl && <Text size="sm">{own ? t('people.photo.none') : t('people.photo.noneOf', { name: user.name })}</Text>}
        <Text size="sm" c="dimmed">
          {t('people.photo.hint', { size: USER_PHOTO_MAX_BYTES / 1024 / 1024 })}
        </Text>
        {user.can.changePhoto && (
          <Group gap="sm">
            <FileButton onChange={send} accept="image/png,image/jpeg" resetRef={resetInput} disabled={upload.isPending}>
              {(props) => (
                <Button {...props} loading={upload.isPending}>
                  {user.photoUrl ? t('people.photo.replace') : t('people.photo.upload')}
                </Button>
              )}
            </FileButton>
            {user.photoUrl && (
              <Button variant="default" color="red" onClick={() => setConfirming(true)} disabled={upload.isPending}>
                {t('people.photo.remove')}
              </Button>
            )}
          </Group>
        )}
        {/* The button's loader is a plain element: the upload is announced here while it lasts. */}
        {upload.isPending && (
          <VisuallyHidden role="status" aria-live="polite">
            {t('people.photo.uploading')}
          </VisuallyHidden>
        )}
        {/* A refused upload says why (too large, not a PNG or JPEG); a refused removal says it in its dialog. */}
        {upload.error && (
          <Alert color="red" role="alert" title={t('people.photo.failed')}>
            {describeError(upload.error, t)}
          </Alert>
        )}
      </Stack>
      <ActionDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('people.photo.removeTitle')}
        body={t('people.photo.removeBody', { name: user.name })}
        confirmLabel={t('people.photo.removeConfirm')}
        confirmColor="red.9"
        onConfirm={async () => {
          upload.reset();
          const saved = await remove.mutateAsync({ userId: user.id, file: null });
          setFresh(saved);
          notify({ color: 'green', message: t('people.photo.removed', { name: saved.name }) });
        }}
      />
    </Group>
  );
}
