import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgressiveItems } from './use-progressive-items';

function List({ items, first }: { items: number[]; first?: number }) {
  const shown = useProgressiveItems(items, first);
  return (
    <ul>
      {shown.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

const count = () => screen.queryAllByRole('listitem').length;

describe('useProgressiveItems', () => {
  it('renders a screenful first and every item in the render that follows', async () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const { rerender } = render(<List items={items} first={20} />);
    expect(count()).toBe(20);
    expect(screen.getByText('0')).toBeTruthy();
    await waitFor(() => expect(count()).toBe(50));
    // From then on, more items (the next page) show at once.
    rerender(<List items={[...items, 50, 51]} first={20} />);
    expect(count()).toBe(52);
  });

  it('renders a short list whole at once', () => {
    render(<List items={[1, 2, 3]} first={20} />);
    expect(count()).toBe(3);
  });
});
