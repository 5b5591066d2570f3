/** A sparkline with a title and the latest value: cycle time, pool commands per second, cache hit rate. */
export function SmallChart(props: { id: string; title: string; values: readonly number[]; latest: string; max?: number }) {
  const width = 180;
  const height = 36;
  const values = props.values.length > 0 ? props.values : [0];
  const top = Math.max(props.max ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${(height - 2 - (value / top) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <figure class="chart" id={props.id}>
      <figcaption>
        {props.title} <b>{props.latest}</b>
      </figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${props.title}: ${props.latest}`}>
        <polyline points={values.length > 1 ? points : `0,${height - 2} ${width},${height - 2}`} />
      </svg>
    </figure>
  );
}
