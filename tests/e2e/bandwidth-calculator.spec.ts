// Lesson 18's bandwidth calculator on the real lesson page: found by its labels,
// driven by mouse and keyboard, its figures read from the live region.
import { test, expect, type Page } from '@playwright/test';

const PAGE = '/lessons/many-peers-and-media-servers/';

function calculator(page: Page) {
  const region = page.getByRole('region', { name: 'Bandwidth calculator' });
  return {
    region,
    participants: region.getByRole('spinbutton', { name: 'Participants' }),
    bitrate: region.getByRole('spinbutton', { name: 'Bitrate per stream (kbit/s)' }),
    topology: region.getByRole('group', { name: 'Topology' }),
    layers: region.getByRole('combobox', { name: 'Simulcast layers (SFU only)' }),
    figures: region.getByRole('status', { name: 'Bandwidth figures' }),
  };
}

test('the figures follow the inputs, live', async ({ page }) => {
  await page.goto(PAGE);
  const calc = calculator(page);
  // Rendered at build time, before any script ran: a mesh of 5 at 1500 kbit/s.
  await expect(calc.figures).toContainText('Each participant uploads 6 Mbit/s (4 streams) and downloads 6 Mbit/s (4 streams).');
  await expect(calc.figures).toContainText('No media server');
  await expect(calc.figures).toContainText('10 peer connections in the call.');

  await calc.participants.fill('10');
  await expect(calc.figures).toContainText('Each participant uploads 13.5 Mbit/s (9 streams) and downloads 13.5 Mbit/s (9 streams).');
  await expect(calc.figures).toContainText('45 peer connections in the call.');

  await calc.topology.getByRole('radio', { name: /SFU/ }).check();
  await expect(calc.figures).toContainText('Each participant uploads 1.5 Mbit/s (1 stream) and downloads 13.5 Mbit/s (9 streams).');
  await expect(calc.figures).toContainText('The server receives 15 Mbit/s (10 streams) and sends 135 Mbit/s (90 streams).');

  await calc.layers.selectOption('3');
  await expect(calc.figures).toContainText('Each participant uploads 2 Mbit/s (3 streams)');

  await calc.bitrate.fill('500');
  await expect(calc.figures).toContainText('Each participant uploads 656.3 kbit/s (3 streams) and downloads 4.5 Mbit/s (9 streams).');
});

test('works from the keyboard, and says what is wrong with bad input', async ({ page }) => {
  await page.goto(PAGE);
  const calc = calculator(page);
  const sfu = calc.topology.getByRole('radio', { name: /SFU/ });
  await calc.topology.getByRole('radio', { name: /Mesh/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(sfu).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(calc.topology.getByRole('radio', { name: /MCU/ })).toBeChecked();
  await expect(calc.figures).toContainText('Each participant uploads 1.5 Mbit/s (1 stream) and downloads 1.5 Mbit/s (1 stream).');
  await expect(calc.figures).toContainText('The server receives 7.5 Mbit/s (5 streams) and sends 7.5 Mbit/s (5 streams).');

  await calc.participants.focus();
  await page.keyboard.press('ArrowUp');
  await expect(calc.participants).toHaveValue('6');
  await expect(calc.figures).toContainText('The server receives 9 Mbit/s (6 streams)');

  // Enter must not submit the form (a reload would lose the inputs).
  await page.keyboard.press('Enter');
  await expect(calc.participants).toHaveValue('6');

  await calc.participants.fill('1');
  await expect(calc.figures).toContainText('Participants: a whole number from 2 to 10000.');
  // The last good figures stay.
  await expect(calc.figures).toContainText('The server receives 9 Mbit/s (6 streams)');
  await calc.participants.fill('3');
  await expect(calc.figures).not.toContainText('Participants: a whole number');
  await expect(calc.figures).toContainText('The server receives 4.5 Mbit/s (3 streams)');
});
