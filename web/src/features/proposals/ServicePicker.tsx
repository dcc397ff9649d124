/** Picks a catalog service for a proposal line; its name and price in the proposal's currency come with it. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@common/schemas/service';
import { api, type Page } from '../../api/client';
import { SEARCH_LIMIT, SearchSelect, type Option } from '../../components/SearchSelect';
import { useLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { textFor } from '../services/service-words';

/** What a chosen service puts on the line: its name in the reader's language, and its price in the currency (null without one). */
export interface PickedService {
  id: string;
  name: string;
  priceMinor: number | null;
}

interface Props {
  label: string;
  currency: string;
  value: string;
  /** The line's text, shown for the chosen service before any search. */
  selectedLabel: string;
  onChange: (picked: PickedService | null) => void;
}

export function ServicePicker({ label, currency, value, selectedLabel, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  // The services this picker's searches found, so a choice can fill its line without asking again.
  const found = useRef(new Map<string, Service>());
  const priceOf = (s: Service) => s.prices.find((p) => p.currency === currency)?.amountMinor ?? null;
  const search = async (q: string): Promise<Option[]> => {
    const page = await api.get<Page<Service>>('/services', { q, active: 'true', limit: SEARCH_LIMIT });
    return page.items.map((s) => {
      found.current.set(s.id, s);
      const price = priceOf(s);
      return {
        value: s.id,
        label: textFor(s.name, i18n.language),
        hint: price === null ? t('proposals.noPriceIn', { currency }) : formatMoney(price, currency, locale),
      };
    });
  };
  const pick = async (id: string) => {
    if (!id) return onChange(null);
    // Another line's search may have answered from the shared cache: then the service is asked for.
    const service = found.current.get(id) ?? (await api.get<Service>(`/services/${id}`).catch(() => null));
    onChange(
      service ? { id, name: textFor(service.name, i18n.language), priceMinor: priceOf(service) } : { id, name: '', priceMinor: null },
    );
  };
  return (
    <SearchSelect
      label={label}
      placeholder={t('proposals.freeLine')}
      clearable
      value={value}
      queryKey={['services', 'picker', currency]}
      search={search}
      selected={value ? { value, label: selectedLabel || value } : undefined}
      onChange={(id) => void pick(id)}
    />
  );
}
