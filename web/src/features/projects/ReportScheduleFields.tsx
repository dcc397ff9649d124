/** When a project's status reports go out: how often, on which day and at which hour (the agency's time zone), and whether they show the budget. */
import { Checkbox, NativeSelect, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { REPORT_SCHEDULES } from '@common/enums';
import type { ProjectFormValues } from './project-form-values';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);
const HOURS = Array.from({ length: 24 }, (_, i) => i);

export function ReportScheduleFields({ form }: { form: UseFormReturnType<ProjectFormValues> }) {
  const { t } = useTranslation();
  const schedule = form.values.reportSchedule;
  const scheduleInput = form.getInputProps('reportSchedule');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('project.reportSchedule')}
          data={REPORT_SCHEDULES.map((s) => ({ value: s, label: t(`reportSchedule.${s}`) }))}
          {...scheduleInput}
          onChange={(e) => {
            const next = e.currentTarget.value as ProjectFormValues['reportSchedule'];
            // a weekly report goes out on a weekday: a day of the month past 7 does not name one
            if (next === 'weekly' && Number(form.values.reportDay) > 7) form.setFieldValue('reportDay', '1');
            form.setFieldValue('reportSchedule', next);
          }}
        />
        {schedule !== 'none' && (
          <NativeSelect
            label={t(schedule === 'weekly' ? 'reportSettings.weekday' : 'reportSettings.dayOfMonth')}
            data={(schedule === 'weekly' ? WEEKDAYS : MONTH_DAYS).map((d) => ({
              value: String(d),
              label: schedule === 'weekly' ? t(`weekday.${d}`) : String(d),
            }))}
            {...form.getInputProps('reportDay')}
          />
        )}
        {schedule !== 'none' && (
          <NativeSelect
            label={t('reportSettings.hour')}
            description={t('reportSettings.hourHint')}
            data={HOURS.map((h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))}
            {...form.getInputProps('reportHour')}
          />
        )}
      </SimpleGrid>
      <Checkbox label={t('reportSettings.shareBudget')} {...form.getInputProps('shareBudget', { type: 'checkbox' })} />
    </>
  );
}
