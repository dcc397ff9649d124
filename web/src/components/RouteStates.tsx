/** What a route shows while loading, when nothing is there, and when something broke. */
import { Alert, Button, Center, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links';
import { ApiError } from '../api/client';
import { usePageTitle } from './PageHeader';
import { describeError } from './describe-error';

// The label is the live region's: a loader is a plain element, which ARIA does not let be named.
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

/** A small loader in place of a part whose code is still coming (a form opened for the first time). */
export function InlineLoader() {
  const { t } = useTranslation();
  return (
    <Group role="status" aria-live="polite" aria-label={t('common.loading')}>
      <Loader size="sm" />
    </Group>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('notFound.title')}</Title>
        <Text>{t('notFound.body')}</Text>
        <ButtonLink to="/" w="fit-content">
          {t('notFound.home')}
        </ButtonLink>
      </Stack>
    </Container>
  );
}

/** A route whose loading failed: a missing record reads as "not found", like the API says. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.isNotFound) return <NotFoundPage />;
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('errors.pageFailed')} role="alert">
        <Stack gap="sm">
          <Text size="sm">{describeError(error, t)}</Text>
          <Button variant="outline" color="red" onClick={reset} w="fit-content">
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}
