/**
 * "Log a meeting / call / email / note" right on the account or contact page. From the keyboard:
 * a button opens the form with the cursor in the summary; Escape or Cancel closes it, and the
 * focus goes back to the button that opened it.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button, Group } from '@mantine/core';
import { InlineLoader } from '../../components/RouteStates';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, type InteractionType } from '@common/enums';

const loadEditor = () => import('./LogInteractionEditor');
const LogInteractionEditor = lazy(loadEditor);

interface Props {
  accountId: string;
  /** Contacts the interaction was with, when logged from a contact's page. */
  contactIds?: string[];
  /** After it is logged (the account page shows its timeline). */
  onLogged?: () => void;
}

export function LogInteractionForm({ accountId, contactIds, onLogged }: Props) {
  const { t } = useTranslation();
  // The kind being logged while the form is open.
  const [open, setOpen] = useState<InteractionType | null>(null);
  const buttons = useRef(new Map<InteractionType, HTMLButtonElement>());
  // Which button opened the form, to return to; null before the form is first opened.
  const opener = useRef<InteractionType | null>(null);

  useEffect(() => {
    if (!open && opener.current) buttons.current.get(opener.current)?.focus();
  }, [open]);

  if (!open) {
    return (
      <Group gap="xs">
        {INTERACTION_TYPES.map((type) => (
          <Button
            key={type}
            variant="default"
            size="sm"
            // The form's code starts downloading when a button is about to be used.
            onPointerEnter={() => void loadEditor()}
            onFocus={() => void loadEditor()}
            onClick={() => {
              opener.current = type;
              setOpen(type);
            }}
            ref={(el) => void (el ? buttons.current.set(type, el) : buttons.current.delete(type))}
          >
            {t(`timeline.log.${type}`)}
          </Button>
        ))}
      </Group>
    );
  }

  return (
    <Suspense fallback={<InlineLoader />}>
      <LogInteractionEditor
        accountId={accountId}
        contactIds={contactIds}
        type={open}
        onCancel={() => setOpen(null)}
        onLogged={() => {
          setOpen(null);
          onLogged?.();
        }}
      />
    </Suspense>
  );
}
