import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit that hands the form's data (with the button pressed) to a server action
 * by hand. A form whose `action` runs the server action is reset by React afterwards,
 * which would throw away a moderator's ticks and reason when the server answers with
 * an error; dispatching like this keeps them.
 */
export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
