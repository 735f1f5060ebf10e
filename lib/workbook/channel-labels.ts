import type { Channel } from '../engine/types';

/** Names of a channel in sheet names, headers and file names. */
export interface ChannelLabels {
  /** Download page name and sheet-name prefix: `Phone`, `Video`, `Message`. */
  page: string;
  /** The channel's unit of use, plural: `Calls`, `Meets`, `Messages`. */
  volume: string;
}

export const CHANNEL_LABELS: Record<Channel, ChannelLabels> = {
  phone: { page: 'Phone', volume: 'Calls' },
  video: { page: 'Video', volume: 'Meets' },
  message: { page: 'Message', volume: 'Messages' },
};

/** The order of the channels in a combined workbook, whatever order the request lists them in. */
export const WORKBOOK_CHANNEL_ORDER: readonly Channel[] = ['message', 'video', 'phone'];
