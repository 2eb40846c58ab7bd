import type { EChartOption } from '../../console/echart.tsx';

/** One bar group: a pavilion or an exporter, named in the reader's language. */
export interface FigureBar {
  name: string;
  inquiries: number;
  quotes: number;
  orders: number;
  responseRateBp: number | null;
  conversionBp: number;
  medianResponseSeconds: number | null;
}

export interface ChartLabels {
  inquiries: string;
  quotes: string;
  orders: string;
  responseRate: string;
  conversion: string;
  medianResponse: string;
  /** A number of hours in the reader's language: "2.5 h", "2.5 小时". */
  hours: (value: number) => string;
}

const percent = (bp: number | null) => (bp === null ? null : bp / 100);
/** Hours to one decimal; no bar where nothing was answered yet. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** The tooltip's value: a dash where there is no bar. */
const shown = (format: (value: number) => string) => (value: unknown) => (typeof value === 'number' ? format(value) : '—');

const frame = (rows: readonly FigureBar[]): EChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
  xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
});

/** Inquiries, quotes and orders side by side per group. */
export function countsOption(rows: readonly FigureBar[], labels: ChartLabels): EChartOption {
  return {
    ...frame(rows),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: labels.inquiries, data: rows.map((r) => r.inquiries) },
      { type: 'bar', name: labels.quotes, data: rows.map((r) => r.quotes) },
      { type: 'bar', name: labels.orders, data: rows.map((r) => r.orders) },
    ],
  };
}

/** The 48-hour response rate and the conversion of quotes to orders, in per cent. */
export function ratesOption(rows: readonly FigureBar[], labels: ChartLabels): EChartOption {
  return {
    ...frame(rows),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { type: 'bar', name: labels.responseRate, data: rows.map((r) => percent(r.responseRateBp)), tooltip: { valueFormatter: shown((v) => `${v} %`) } },
      { type: 'bar', name: labels.conversion, data: rows.map((r) => percent(r.conversionBp)), tooltip: { valueFormatter: shown((v) => `${v} %`) } },
    ],
  };
}

/** The median first response in hours. */
export function hoursOption(rows: readonly FigureBar[], labels: ChartLabels): EChartOption {
  return {
    ...frame(rows),
    yAxis: { type: 'value', min: 0 },
    series: [{ type: 'bar', name: labels.medianResponse, data: rows.map((r) => hours(r.medianResponseSeconds)), tooltip: { valueFormatter: shown(labels.hours) } }],
  };
}
