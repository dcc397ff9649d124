import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const ISSUER = 'Liaison';

/** A new random TOTP secret (160 bits, base32). */
export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// URL an authenticator app reads from the QR code. */
export const totpUrl = (secret: string, account: string): string => generateURI({ issuer: ISSUER, label: account, secret });

/** The URL as a QR code, a PNG data URL the page shows as an image. */
export const qrCodeDataUrl = (url: string): Promise<string> => QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });

/**
 * The time step of a code that is right at `now` (one step of clock drift either way), or
 * null. Steps up to `afterTimeStep` are refused, so an accepted code never works twice.
 */
export async function acceptedTimeStep(secret: string, code: string, now: Date, afterTimeStep: number | null): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  // Every step a code may match (up to one ahead) is already used: nothing can be accepted.
  if (!/^\d{6}$/.test(code) || (afterTimeStep !== null && afterTimeStep >= Math.floor((epoch + PERIOD_SECONDS) / PERIOD_SECONDS)))
    return null;
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: PERIOD_SECONDS,
    afterTimeStep: afterTimeStep ?? undefined,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
