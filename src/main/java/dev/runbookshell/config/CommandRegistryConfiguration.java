package dev.runbookshell.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.util.ClassUtils;

import dev.runbookshell.RunbookShellApplication;
import jakarta.validation.Validator;

/**
 * Registers the commands the way Spring Shell's auto-configuration does, minus three start-up costs: its registry
 * adds a {@code quit} command whose holder class boots Hibernate Validator (~450 classes, a third of a one-shot
 * command's start-up), it needs a bean validator although no command declares constraints, and it builds every
 * command (and the bean behind it) before the one to run is known. The interactive loop handles {@code exit} and
 * {@code quit} itself.
 */
@Configuration(proxyBeanMethods = false)
public class CommandRegistryConfiguration {

	@Bean
	public CommandRegistry commandRegistry(ApplicationContext context) {
		// The beans are already known (at build time with Spring AOT): no second scan of the class path.
		String basePackage = ClassUtils.getPackageName(RunbookShellApplication.class);
		List<Method> commandMethods = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name, false);
			if (type == null || !ClassUtils.getUserClass(type).getPackageName().startsWith(basePackage)) {
				continue;
			}
			commandMethods.addAll(MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(Method method) -> AnnotatedElementUtils.hasAnnotation(method,
							org.springframework.shell.core.command.annotation.Command.class)));
		}
		return new OnDemandCommandRegistry(context, commandMethods);
	}

	@Bean
	public Validator commandParameterValidator() {
		return new UnconstrainedValidator();
	}

}
