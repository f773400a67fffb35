// Small inline icons (no icon font: a projector PC may lack the symbol glyphs).
const PATHS = {
  play: 'M7 4.5v15l12.5-7.5z',
  pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
  back: 'M5 5h2.5v14H5zM19 5v14L8.5 12z',
  forward: 'M16.5 5H19v14h-2.5zM5 5v14l10.5-7z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
