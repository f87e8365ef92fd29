"""The demo city's legal pages and its Spanish pages (used by ``home.demo``).

Each entry holds the text of a page in English and in Spanish; the Spanish one becomes a
Wagtail translation of the English page, shown to visitors who read the site in Spanish.
"""


def _p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}]


LEGAL_PAGES = {
    "privacy": {
        "setting": "privacy_page",
        "en": {
            "title": "Privacy policy",
            "intro": "What Riverside keeps about you when you take part in Greenlight, why, and for how long.",
            "body": _p(
                "The City of Riverside runs Greenlight. We keep your email address (to sign you in and to send "
                "the messages you ask for), your display name and district, and what you share: ideas, "
                "comments, supports, comparisons and the challenges and ideas you follow.",
                "Your email address is never shown. Ideas and comments are public under your display name. "
                "How you voted is never published; leadership sees totals by district only when at least five "
                "people are counted.",
                "You can download everything Greenlight holds about you, and delete your account, from your "
                "profile at any time. Questions: innovation@riverside.example.",
            ),
        },
        "es": {
            "title": "Política de privacidad",
            "intro": "Qué guarda Riverside sobre ti cuando participas en Greenlight, por qué y durante cuánto tiempo.",
            "body": _p(
                "El Ayuntamiento de Riverside gestiona Greenlight. Guardamos tu correo electrónico (para iniciar "
                "tu sesión y enviarte los mensajes que pidas), tu nombre visible y tu distrito, y lo que "
                "compartes: ideas, comentarios, apoyos, comparaciones y los retos e ideas que sigues.",
                "Tu correo electrónico nunca se muestra. Las ideas y los comentarios son públicos con tu nombre "
                "visible. Cómo votaste nunca se publica; la dirección solo ve totales por distrito cuando se "
                "cuentan al menos cinco personas.",
                "Puedes descargar todo lo que Greenlight guarda sobre ti y eliminar tu cuenta desde tu perfil "
                "en cualquier momento. Preguntas: innovation@riverside.example.",
            ),
        },
    },
    "terms": {
        "setting": "terms_page",
        "en": {
            "title": "Terms of use",
            "intro": "The few rules that keep Greenlight a good place to share ideas.",
            "body": _p(
                "Share your own ideas, or say where an idea came from. Be kind: criticise ideas, not people. "
                "No advertising, no personal information about others, nothing unlawful.",
                "Photos: share only photos you may share, without people who could be recognised unless they "
                "agreed. Moderators may hide what breaks these rules and will tell you why.",
                "By sharing an idea you allow the City of Riverside to publish it and to develop it further, "
                "for example in a pilot, with credit to your display name.",
            ),
        },
        "es": {
            "title": "Condiciones de uso",
            "intro": "Las pocas normas que hacen de Greenlight un buen lugar para compartir ideas.",
            "body": _p(
                "Comparte tus propias ideas o di de dónde viene una idea. Sé amable: critica las ideas, no a "
                "las personas. Nada de publicidad, de información personal de otras personas ni de nada ilegal.",
                "Fotos: comparte solo fotos que puedas compartir, sin personas reconocibles salvo que lo hayan "
                "aceptado. La moderación puede ocultar lo que incumpla estas normas y te dirá por qué.",
                "Al compartir una idea permites al Ayuntamiento de Riverside publicarla y desarrollarla, por "
                "ejemplo en un piloto, citando tu nombre visible.",
            ),
        },
    },
    "accessibility": {
        "setting": "accessibility_page",
        "en": {
            "title": "Accessibility statement",
            "intro": "Greenlight aims to be usable by everyone in Riverside.",
            "body": _p(
                "Greenlight is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
                "Every page is checked automatically with axe-core, and the main journeys are tested with the "
                "keyboard alone, on a 320 pixel wide screen and at 200% zoom.",
                "The site is available in English and Spanish. If something does not work for you, write to "
                "innovation@riverside.example and we will answer within ten working days.",
            ),
        },
        "es": {
            "title": "Declaración de accesibilidad",
            "intro": "Greenlight quiere que todas las personas de Riverside puedan usarlo.",
            "body": _p(
                "Greenlight está hecho para cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 "
                "en el nivel AA. Cada página se comprueba automáticamente con axe-core, y los recorridos "
                "principales se prueban solo con el teclado, en una pantalla de 320 píxeles de ancho y con un "
                "zoom del 200 %.",
                "El sitio está disponible en inglés y en español. Si algo no te funciona, escribe a "
                "innovation@riverside.example y te responderemos en un plazo de diez días hábiles.",
            ),
        },
    },
}

# Pages of the demo translated into Spanish: how to find the English page, then its Spanish text.
SPANISH_PAGES = [
    (
        ("home.HomePage", None),
        {
            "title": "Ideas que mueven nuestra ciudad",
            "intro": "Comparte ideas, apoya las que te convencen y sigue los pilotos que salen de ellas.",
            "body": [
                {
                    "type": "paragraph",
                    "value": "<p>Greenlight es la forma en que Riverside pide a sus vecinos y a su personal "
                    "ideas en las que la ciudad nunca ha pensado, y después prueba las mejores en calles, "
                    "parques y servicios reales.</p>",
                },
                {
                    "type": "steps",
                    "value": {
                        "heading": "Cómo funciona",
                        "steps": [
                            {
                                "title": "Se abre un reto",
                                "text": "La dirección municipal plantea una pregunta abierta y fija las fechas.",
                            },
                            {
                                "title": "Compartes ideas",
                                "text": "Cualquiera puede leer; vecinos y personal con sesión iniciada proponen y "
                                "debaten.",
                            },
                            {
                                "title": "La ciudad vota",
                                "text": "Apoya las ideas en las que crees o compáralas de dos en dos.",
                            },
                            {
                                "title": "Revisión y piloto",
                                "text": "Personas expertas puntúan la preselección; las ganadoras se convierten en "
                                "pilotos que puedes seguir.",
                            },
                        ],
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Danos algo en lo que nunca hayamos pensado.",
                        "attribution": "La Alcaldía",
                    },
                },
            ],
        },
    ),
    (
        ("ideas.ChallengeIndexPage", None),
        {
            "title": "Retos",
            "intro": "Las preguntas que Riverside se hace ahora, y lo que salió de las anteriores.",
        },
    ),
    (
        ("pipeline.PilotIndexPage", None),
        {
            "title": "Pilotos",
            "intro": "Ideas que la ciudad prueba en calles y servicios reales, con objetivos, presupuestos y "
            "resultados.",
        },
    ),
    (
        ("home.StandardPage", "about"),
        {
            "title": "Sobre Greenlight",
            "intro": "Por qué Riverside pide ideas a su gente y qué pasa con ellas.",
            "body": _p(
                "Cada idea recibe una respuesta. Cada una muestra una cronología pública de lo que le pasó, "
                "desde el día en que se compartió hasta el piloto que la puso a prueba."
            ),
        },
    ),
    (
        ("ideas.ChallengePage", "better-streets"),
        {
            "title": "Calles mejores",
            "question": "Danos algo en lo que nunca hayamos pensado para que nuestras calles sean más seguras y "
            "amables.",
            "summary": "Pasos de peatones, aceras, bicis, bancos: ¿cómo deberían cambiar las calles de Riverside?",
        },
    ),
    (
        ("pipeline.PilotPage", "dimming-street-lights-on-elm-street"),
        {
            "title": "Farolas que se atenúan en Elm Street",
            "summary": "Cuarenta farolas de Elm Street bajan al 30 % cuando no hay nadie y se iluminan cuando "
            "alguien se acerca.",
            "success_criteria": "Al menos un tercio menos de energía, y al menos tantos vecinos como antes "
            "sintiéndose seguros de noche.",
            "body": _p(
                "Cuarenta farolas de Elm Street bajan al 30 % cuando no hay nadie y se iluminan cuando alguien "
                "se acerca."
            ),
        },
    ),
]
