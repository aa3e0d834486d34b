package ai.mnemo.events;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Marks every primitive constructor parameter of Mnemo's records as required. Without it a missing
 * {@code stageIndex} would silently decode as stage 0; optional numbers are boxed, so they stay optional.
 */
final class RequiredPrimitives extends JacksonAnnotationIntrospector {

    private static final String OWN_PACKAGE = "ai.mnemo.events";

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
        Boolean explicit = super.hasRequiredMarker(member);
        if (explicit != null) {
            return explicit;
        }
        boolean ours = member.getDeclaringClass().getPackageName().startsWith(OWN_PACKAGE);
        return ours && member instanceof AnnotatedParameter && member.getRawType().isPrimitive() ? Boolean.TRUE : null;
    }
}
