import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import spanish from "../../messages/es.json";
import { messageKey, translateMessage, type Translate } from "./message-keys";
import { signatureFieldErrors, signatureInputSchema } from "./signature";

const es = createTranslator({ locale: "es", messages: spanish, namespace: "validation" }) as unknown as Translate;

describe("the shared schema's messages", () => {
  it("are English by default, as before", () => {
    const result = signatureInputSchema.safeParse({ kind: "individual", name: "", email: "nope", country: "ZZ", listPublicly: false, consent: true });
    const fields = signatureFieldErrors(result.error!);
    expect(fields.name).toEqual(["Name is required."]);
    expect(fields.email).toEqual(["Enter a valid email address, like name@example.org."]);
    expect(fields.country).toEqual(["Choose a country from the list."]);
  });

  it("come out in the reader's language, the field named in it too", () => {
    const result = signatureInputSchema.safeParse({
      kind: "organization", name: "Ana", email: "ana@example.org", country: "ES", organizationName: "x".repeat(151),
      website: "https://example.org", comment: "hola\u202Eadiós", listPublicly: true, consent: false,
    });
    const fields = signatureFieldErrors(result.error!, es);
    expect(fields.organizationName).toEqual(["Nombre de la organización: como máximo 150 caracteres."]);
    expect(fields.consent).toEqual(["Marca la casilla para dar tu conformidad antes de firmar."]);
    expect(fields.comment).toEqual(["Comentario contiene una marca invisible de dirección del texto (U+202E), y no está permitido."]);
  });

  it("leave a message that is not a key as it is", () => {
    expect(translateMessage("Slug is taken.", es)).toBe("Slug is taken.");
    expect(translateMessage(messageKey("required", { field: "email" }), es)).toBe("Correo electrónico: este campo es obligatorio.");
  });
});
