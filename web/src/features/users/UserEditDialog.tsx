/**
 * Admin: a dialog that changes one thing of a user. The form saves against the version shown;
 * when someone changed the user meanwhile, it offers to load them as they are now.
 */
import { Modal } from '@mantine/core';
import { useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@common/schemas/user';
import { api } from '../../api/client';

export interface UserFormProps {
  user: User;
  onReload: () => Promise<unknown>;
  onDone: () => void;
}

export function UserEditDialog({
  user,
  onClose,
  title,
  form: Form,
}: {
  user: User | null;
  onClose: () => void;
  title: (name: string) => string;
  form: ComponentType<UserFormProps>;
}) {
  const { t } = useTranslation();
  // The user as last loaded: a reload after a collision replaces the one the list showed.
  const [fresh, setFresh] = useState<User | null>(null);
  const shown = fresh && fresh.id === user?.id ? fresh : user;
  // The dialog keeps its name while it fades out after closing.
  const named = useRef(shown);
  if (shown) named.current = shown;
  const close = () => {
    setFresh(null);
    onClose();
  };
  return (
    <Modal
      opened={shown !== null}
      onClose={close}
      title={title(named.current?.name ?? '')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed by version: after a reload the form starts from the newer record and saves against it. */}
      {shown && (
        <Form key={shown.version} user={shown} onReload={async () => setFresh(await api.get<User>(`/users/${shown.id}`))} onDone={close} />
      )}
    </Modal>
  );
}
