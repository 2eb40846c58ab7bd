import { useEffect, useRef } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the consoles draw: bars on a grid with a tooltip and a legend, on canvas. The full
// build would put every chart type into the page's chunk.
use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/**
 * An ECharts chart in a div: created on mount, its options replaced when they change, resized with
 * its container, disposed on unmount.
 */
export function EChart({ option, height = 320, testId }: { option: EChartOption; height?: number; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series or category that went away must not linger from the previous options.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} style={{ width: '100%', height }} data-testid={testId} />;
}
