package dev.runbookshell.config;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;

/**
 * A bean validator for command parameters that declare no constraints: every check passes. Commands validate
 * their input themselves and report it as a one-line error.
 */
final class UnconstrainedValidator implements Validator, ExecutableValidator {

	@Override
	public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
		return Set.of();
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
		return Set.of();
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
			Class<?>... groups) {
		return Set.of();
	}

	@Override
	public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
		throw new UnsupportedOperationException("command parameters declare no constraints");
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		throw new UnsupportedOperationException("no provider behind " + getClass().getSimpleName());
	}

	@Override
	public ExecutableValidator forExecutables() {
		return this;
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateParameters(T object, java.lang.reflect.Method method,
			Object[] parameterValues, Class<?>... groups) {
		return Set.of();
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateReturnValue(T object, java.lang.reflect.Method method,
			Object returnValue, Class<?>... groups) {
		return Set.of();
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateConstructorParameters(
			java.lang.reflect.Constructor<? extends T> constructor, Object[] parameterValues, Class<?>... groups) {
		return Set.of();
	}

	@Override
	public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(
			java.lang.reflect.Constructor<? extends T> constructor, T createdObject, Class<?>... groups) {
		return Set.of();
	}

}
