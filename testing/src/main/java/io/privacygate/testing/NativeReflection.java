package io.privacygate.testing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The check behind "a native build does not lose a type Jackson writes by hand". Quarkus registers for reflection
 * the types of REST signatures, but not what main code hands to an {@code ObjectMapper}, {@code ObjectWriter} or
 * {@code ObjectReader} itself, or to commons' {@code Outbox}: in a native executable Jackson then sees such a
 * record without its accessors and writes {@code {}} or fails. This reads the bytecode of the given classes (ASM's
 * data-flow {@link Analyzer}) and takes the static type of each value handed to those calls, each class literal
 * passed with them, the same through the module's own methods that pass a parameter on to them, and the argument
 * of each {@code TypeReference}. It follows their record components and fields, and names every type of the suite
 * among them that has no {@link RegisterForReflection} (on itself, on an enclosing class, or in another class's
 * {@code targets}). A value whose static type is only {@code Object}, {@code Map} or {@code JsonNode} says nothing
 * and is skipped.
 */
public final class NativeReflection {
    /** The suite's own types; JDK and library types are registered by their extensions or need nothing. */
    public static final String SUITE_PACKAGE = "io.privacygate.";

    private static final Set<String> JACKSON = Set.of(
            "com/fasterxml/jackson/databind/ObjectMapper",
            "com/fasterxml/jackson/databind/ObjectWriter",
            "com/fasterxml/jackson/databind/ObjectReader");
    private static final Set<String> JACKSON_METHODS = Set.of(
            "writeValue", "writeValueAsString", "writeValueAsBytes", "readValue", "readValues",
            "readerFor", "writerFor", "convertValue", "treeToValue", "valueToTree", "forType");
    private static final String TYPE_REFERENCE = "com/fasterxml/jackson/core/type/TypeReference";
    /** commons' outbox serialises its payload itself, so its callers' payload types count as serialised. */
    private static final Map<String, Set<String>> OTHER_SINKS = Map.of(
            "io/privacygate/commons/outbox/Outbox", Set.of("enqueue"));

    private NativeReflection() {
    }

    /** Fails, naming them, if a type serialised by the classes of {@code anchors}' folders or jars is unregistered. */
    public static void assertRegistered(Class<?>... anchors) {
        List<Path> roots = Stream.of(anchors).map(NativeReflection::rootOf).distinct().toList();
        Set<String> missing = unregistered(roots, SUITE_PACKAGE);
        if (!missing.isEmpty()) {
            throw new AssertionError("Serialised by hand outside REST signatures, but not registered for reflection"
                    + " (a native executable would lose them): annotate each with @RegisterForReflection: " + missing);
        }
    }

    /** The types under {@code prefix} that the classes in {@code roots} serialise and that lack registration. */
    public static Set<String> unregistered(List<Path> roots, String prefix) {
        List<ClassNode> classes = roots.stream().flatMap(root -> read(root).stream()).toList();
        Set<String> registered = new HashSet<>();
        Set<String> serialised = new TreeSet<>();
        List<Analysed> methods = new ArrayList<>();
        for (ClassNode node : classes) {
            Class<?> type = load(node.name);
            RegisterForReflection registration = type.getAnnotation(RegisterForReflection.class);
            if (registration != null) {
                Stream.of(registration.targets()).forEach(target -> registered.add(target.getName()));
                Stream.of(registration.classNames()).forEach(registered::add);
            }
            // A TypeReference subclass exists only to tell Jackson a generic type: its argument is serialised.
            if (TYPE_REFERENCE.equals(node.superName)
                    && type.getGenericSuperclass() instanceof ParameterizedType reference) {
                Deque<Class<?>> named = new ArrayDeque<>();
                collect(reference.getActualTypeArguments()[0], named);
                named.forEach(c -> serialised.add(c.getName()));
            }
            for (MethodNode method : node.methods) {
                methods.add(Analysed.of(node.name, method));
            }
        }
        Map<String, Set<Integer>> wrappers = wrappers(methods);
        for (Analysed method : methods) {
            method.sinkArguments(wrappers, (parameter, value) -> {
                if (parameter.equals("java/lang/Class") && value instanceof ClassLiteral literal) {
                    serialised.add(literal.literal.getClassName());
                } else if (parameter.equals("java/lang/Object") && value.getType() != null
                        && value.getType().getSort() == Type.OBJECT) {
                    serialised.add(value.getType().getClassName());
                }
            });
        }
        Set<String> missing = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        serialised.stream().filter(name -> name.startsWith(prefix)).map(NativeReflection::load).forEach(todo::add);
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.getName().startsWith(prefix) || !seen.add(type)) {
                continue;
            }
            if (!isRegistered(type, registered)) {
                missing.add(type.getName());
            }
            for (java.lang.reflect.Type member : members(type)) {
                collect(member, todo);
            }
        }
        return missing;
    }

    /**
     * The module's own methods that hand a parameter of theirs straight to a serialiser ({@code write(Object)},
     * {@code <T> T read(String, Class<T>)}): their callers' arguments count as serialised, to any depth.
     */
    private static Map<String, Set<Integer>> wrappers(List<Analysed> methods) {
        Map<String, Set<Integer>> wrappers = new HashMap<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Analysed method : methods) {
                List<Integer> passed = new ArrayList<>();
                method.sinkArguments(wrappers, (parameter, value) -> {
                    if (value instanceof ParameterValue own) {
                        passed.add(own.argument);
                    }
                });
                for (int argument : passed) {
                    grew |= wrappers.computeIfAbsent(method.key(), key -> new HashSet<>()).add(argument);
                }
            }
        }
        return wrappers;
    }

    private static boolean isRegistered(Class<?> type, Set<String> registered) {
        if (registered.contains(type.getName())) {
            return true;
        }
        for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
            RegisterForReflection registration = at.getAnnotation(RegisterForReflection.class);
            // An annotation without targets registers its class, and its nested classes unless told otherwise.
            if (registration != null && registration.targets().length == 0 && registration.classNames().length == 0
                    && (at == type || !registration.ignoreNested())) {
                return true;
            }
        }
        return false;
    }

    private static List<java.lang.reflect.Type> members(Class<?> type) {
        List<java.lang.reflect.Type> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(component.getGenericType());
            }
        } else if (!type.isEnum()) {
            for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
                for (Field field : at.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                        members.add(field.getGenericType());
                    }
                }
            }
        }
        return members;
    }

    private static void collect(java.lang.reflect.Type type, Deque<Class<?>> into) {
        if (type instanceof Class<?> c) {
            into.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            Stream.of(p.getActualTypeArguments()).forEach(argument -> collect(argument, into));
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), into);
        } else if (type instanceof WildcardType w) {
            Stream.of(w.getUpperBounds()).forEach(bound -> collect(bound, into));
        }
    }

    /** One method's instructions with the static type of every stack slot before each of them. */
    private record Analysed(String owner, MethodNode method, Frame<BasicValue>[] frames) {
        static Analysed of(String owner, MethodNode method) {
            if (method.instructions.size() == 0) {
                return new Analysed(owner, method, null);
            }
            try {
                return new Analysed(owner, method, new Analyzer<>(new StaticTypes(method)).analyze(owner, method));
            } catch (AnalyzerException e) {
                throw new IllegalStateException("Cannot analyse " + owner + "." + method.name, e);
            }
        }

        String key() {
            return key(owner, method.name, method.desc);
        }

        static String key(String owner, String name, String desc) {
            return owner + "." + name + desc;
        }

        /** Each argument this method hands to a serialiser or a wrapper of one: its parameter type and its value. */
        void sinkArguments(Map<String, Set<Integer>> wrappers, BiConsumer<String, BasicValue> consumer) {
            if (frames == null) {
                return;
            }
            for (int i = 0; i < method.instructions.size(); i++) {
                if (!(method.instructions.get(i) instanceof MethodInsnNode call) || frames[i] == null) {
                    continue;
                }
                Set<Integer> arguments = sinkArguments(call, wrappers);
                if (arguments.isEmpty()) {
                    continue;
                }
                Type[] parameters = Type.getArgumentTypes(call.desc);
                int first = frames[i].getStackSize() - parameters.length;
                for (int p : arguments) {
                    consumer.accept(parameters[p].getInternalName(), frames[i].getStack(first + p));
                }
            }
        }

        private static Set<Integer> sinkArguments(MethodInsnNode call, Map<String, Set<Integer>> wrappers) {
            if (JACKSON.contains(call.owner) && JACKSON_METHODS.contains(call.name)
                    || OTHER_SINKS.getOrDefault(call.owner, Set.of()).contains(call.name)) {
                Set<Integer> all = new HashSet<>();
                for (int p = 0; p < Type.getArgumentTypes(call.desc).length; p++) {
                    all.add(p);
                }
                return all;
            }
            return wrappers.getOrDefault(key(call.owner, call.name, call.desc), Set.of());
        }
    }

    /** ASM's basic interpreter, keeping each reference's static type, each class literal and each own parameter. */
    private static final class StaticTypes extends BasicInterpreter {
        private final Map<Integer, Integer> argumentAtLocal = new HashMap<>();

        StaticTypes(MethodNode method) {
            super(Opcodes.ASM9);
            int local = (method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
            Type[] arguments = Type.getArgumentTypes(method.desc);
            for (int argument = 0; argument < arguments.length; argument++) {
                argumentAtLocal.put(local, argument);
                local += arguments[argument].getSize();
            }
        }

        @Override
        public BasicValue newValue(Type type) {
            if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                return new BasicValue(type);
            }
            return super.newValue(type);
        }

        @Override
        public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
            Integer argument = argumentAtLocal.get(local);
            if (argument != null && type.getSort() == Type.OBJECT) {
                return new ParameterValue(type, argument);
            }
            return newValue(type);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type literal
                    && literal.getSort() == Type.OBJECT) {
                return new ClassLiteral(literal);
            }
            return super.newOperation(insn);
        }

        @Override
        public BasicValue merge(BasicValue value1, BasicValue value2) {
            if (value1.equals(value2)) {
                return value1;
            }
            if (value1.isReference() && value2.isReference()) {
                return BasicValue.REFERENCE_VALUE;
            }
            return BasicValue.UNINITIALIZED_VALUE;
        }
    }

    /** A method's own parameter, as it arrived: what its callers pass. */
    private static final class ParameterValue extends BasicValue {
        final int argument;

        ParameterValue(Type type, int argument) {
            super(type);
            this.argument = argument;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterValue that && that.argument == argument
                    && that.getType().equals(getType());
        }

        @Override
        public int hashCode() {
            return 31 * argument + getType().hashCode();
        }
    }

    private static final class ClassLiteral extends BasicValue {
        final Type literal;

        ClassLiteral(Type literal) {
            super(Type.getObjectType("java/lang/Class"));
            this.literal = literal;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClassLiteral that && that.literal.equals(literal);
        }

        @Override
        public int hashCode() {
            return literal.hashCode();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name.replace('/', '.'), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Not on the test class path: " + name, e);
        }
    }

    private static Path rootOf(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ClassNode> read(Path root) {
        try {
            if (Files.isDirectory(root)) {
                return readTree(root);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return readTree(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes in " + root, e);
        }
    }

    private static List<ClassNode> readTree(Path root) throws IOException {
        List<ClassNode> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> classFiles = files
                    .filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class")).toList();
            for (Path file : classFiles) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    classes.add(node);
                }
            }
        }
        return classes;
    }
}
