import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Channel } from '../lib/engine/types';
import { CHANNEL_NAMES } from './format';

export const CHANNELS: Channel[] = ['phone', 'video', 'message'];

interface Props {
  selected: Channel;
  onSelect(channel: Channel): void;
  children: ComponentChildren;
}

/** Renders a tab list of the three channels (arrow keys move between tabs) and the selected channel's panel. */
export function ChannelTabs({ selected, onSelect, children }: Props) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  function handleKeyDown(event: KeyboardEvent, index: number) {
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % CHANNELS.length,
      ArrowLeft: (index - 1 + CHANNELS.length) % CHANNELS.length,
      Home: 0,
      End: CHANNELS.length - 1,
    };
    const next = targets[event.key] ?? -1;
    const channel = CHANNELS[next];
    if (channel === undefined) return;
    event.preventDefault();
    onSelect(channel);
    tabs.current[next]?.focus();
  }

  return (
    <section class="panel channel-panel">
      <div class="tabs" role="tablist" aria-label="Channel">
        {CHANNELS.map((channel, index) => (
          <button
            type="button"
            role="tab"
            key={channel}
            id={`tab-${channel}`}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            class="tab"
            aria-selected={channel === selected}
            aria-controls="channel-tabpanel"
            tabIndex={channel === selected ? 0 : -1}
            onClick={() => onSelect(channel)}
            onKeyDown={(event) => handleKeyDown(event, index)}
          >
            {CHANNEL_NAMES[channel]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="channel-tabpanel" aria-labelledby={`tab-${selected}`} class="tabpanel" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
