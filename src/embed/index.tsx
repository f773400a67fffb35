// ?embed=1 (loaded on demand by main.tsx): the widget for course pages and its postMessage API
// (docs/embedding.md). `start` opens what the URL asks, starts the API and returns the root.
import type { ComponentType } from 'react';
import { freezeUrl } from '../store/boot.ts';
import type { Controller } from '../store/client.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { startEmbed } from './host.ts';
import { parseEmbedParams } from './params.ts';

export function start(ctrl: Controller): ComponentType {
  freezeUrl();
  void startEmbed(ctrl, parseEmbedParams(location.search));
  return EmbedApp;
}
