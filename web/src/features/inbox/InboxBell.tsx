/**
 * The bell in the staff header: how many notices are unread, and a list of the latest that
 * opens each one's record (marking it read), marks all read, and leads to the choices.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InboxNotice } from '@common/schemas/inbox';
import { describeError } from '../../components/describe-error';
import { ButtonLink } from '../../components/links';
import { formatDateTime, localeFor } from '../../lib/format';
import { useInbox, useMarkRead } from './api';

export function InboxBell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const router = useRouter();
  const unread = inbox.data?.unread ?? 0;
  const locale = localeFor(i18n.language);

  const open = (notice: InboxNotice) => {
    if (!notice.read) markRead.mutate(notice.id);
    close();
    router.history.push(notice.path);
  };

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? undefined : close())}
      position="bottom-end"
      shadow="md"
      width={380}
      trapFocus
      returnFocus
      withinPortal
    >
      {/* The count sits beside the target: the target's own element takes the popover's ARIA attributes. */}
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={toggle}
            aria-label={unread ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell')}
            data-testid="inbox-bell"
          >
            <span aria-hidden="true">🔔</span>
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs" data-testid="inbox-list">
        <Group justify="space-between" px="xs" pb="xs" wrap="nowrap">
          <Text fw={600} component="h2" size="md" m={0}>
            {t('inbox.title')}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={!unread}
            loading={markRead.isPending && markRead.variables === 'all'}
            onClick={() => markRead.mutate('all')}
          >
            {t('inbox.markAllRead')}
          </Button>
        </Group>
        <Divider />
        {inbox.isPending ? (
          <Group justify="center" p="md">
            <Loader size="sm" aria-label={t('inbox.loading')} />
          </Group>
        ) : inbox.isError ? (
          <Alert color="red" role="alert" m="xs" title={t('errors.loadFailed')}>
            {describeError(inbox.error, t)}
          </Alert>
        ) : inbox.data.items.length === 0 ? (
          <Stack gap={4} p="md" align="center">
            <Text fw={500}>{t('inbox.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('inbox.emptyBody')}
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {inbox.data.items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    onClick={() => open(n)}
                    w="100%"
                    p="xs"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                    bg={n.read ? undefined : 'var(--mantine-primary-color-light)'}
                    data-testid="inbox-notice"
                    data-read={n.read}
                  >
                    <Text size="xs" c="dimmed">
                      {t(`inbox.kind.${n.kind}`)}
                      {n.account ? ` · ${n.account.name}` : ''}
                      {' · '}
                      {formatDateTime(n.createdAt, locale)}
                    </Text>
                    <Text size="sm" fw={n.read ? 400 : 600}>
                      {!n.read && <VisuallyHidden component="span">{t('inbox.unreadMark')} </VisuallyHidden>}
                      {n.text}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Group justify="flex-end" pt="xs">
          <ButtonLink to="/inbox/settings" variant="subtle" size="compact-sm" onClick={close}>
            {t('inbox.settingsLink')}
          </ButtonLink>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
