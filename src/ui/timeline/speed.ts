// Speed on a log scale: the slider moves the exponent, so 0.001× … 100× share one control.
// speed = virtual seconds per wall second. At 0.1× a 40 ms hop on a link takes 0.4 s to watch.

export function speedFromSlider(x: number): number {
  return Number((10 ** x).toPrecision(2));
}

export function sliderFromSpeed(speed: number): number {
  return Math.log10(speed);
}

export function speedLabel(speed: number): string {
  return `×${speed >= 1 ? speed.toFixed(speed >= 10 ? 0 : 1) : speed.toPrecision(2).replace(/0+$/, '')}`;
}

/** The next speed up or down in the 1-2-5 series ([ and ] keys). */
export function nudgeSpeed(speed: number, dir: 1 | -1): number {
  const series = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
  if (dir > 0) return series.find((s) => s > speed * 1.0001) ?? 100;
  return [...series].reverse().find((s) => s < speed / 1.0001) ?? 0.001;
}
