package ai.mnemo.events.spec;

/** The {@code ewc} method's parameter: lambda in {@code (lambda / 2) x sum_i F_i (theta_i - theta*_i)^2}. */
public record EwcSpec(Double lambda) {

    public EwcSpec resolve() {
        return new EwcSpec(SpecDefaults.or(lambda, SpecDefaults.EWC_LAMBDA));
    }
}
