/** Mantine anchors and buttons that navigate with the router (typed routes, preloading). */
import { forwardRef } from 'react';
import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';

type AnchorElementProps = AnchorProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof AnchorProps>;
type ButtonElementProps = ButtonProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof ButtonProps>;

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorElementProps>((props, ref) => <Anchor ref={ref} {...props} />);

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonElementProps>((props, ref) => <Button component="a" ref={ref} {...props} />);

/** A text link to a page of the app. */
export const AnchorLink = createLink(AnchorBase);

/** A button that goes to a page of the app (rendered as a link, so it opens in a new tab too). */
export const ButtonLink = createLink(ButtonBase);
