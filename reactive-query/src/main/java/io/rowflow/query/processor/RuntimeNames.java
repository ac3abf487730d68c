package io.rowflow.query.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Names types and constructors as {@code java.lang.Class} and {@code java.lang.reflect} do, so
 * the processor's messages read exactly like the model builder's.
 */
final class RuntimeNames {

    private final Elements elements;
    private final Types types;

    RuntimeNames(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** {@code Class.getName()} of a class: {@code demo.Outer$Inner}. */
    String of(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }

    /** {@code Class.getName()} of an erased type: {@code int}, {@code [Ljava.lang.String;}. */
    String of(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.toString();
        }
        if (type instanceof ArrayType array) {
            return "[" + descriptor(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            return of((TypeElement) declared.asElement());
        }
        return type.toString();
    }

    private String descriptor(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case ARRAY -> "[" + descriptor(((ArrayType) type).getComponentType());
            default -> "L" + of(types.erasure(type)) + ";";
        };
    }

    /** {@code Class.getTypeName()} of an erased type: {@code java.lang.String[]}. */
    String typeName(TypeMirror type) {
        return type instanceof ArrayType array ? typeName(array.getComponentType()) + "[]" : of(type);
    }

    /** {@code Class.getSimpleName()} of an erased type. */
    String simpleName(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return simpleName(array.getComponentType()) + "[]";
        }
        if (type instanceof DeclaredType declared) {
            return declared.asElement().getSimpleName().toString();
        }
        return type.toString();
    }

    /** What {@code java.lang.reflect.Constructor.toString()} says of a constructor. */
    String of(TypeElement type, ExecutableElement constructor) {
        StringBuilder out = new StringBuilder();
        for (Modifier modifier : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE)) {
            if (constructor.getModifiers().contains(modifier)) {
                out.append(modifier).append(' ');
            }
        }
        out.append(of(type)).append('(');
        out.append(String.join(",", constructor.getParameters().stream()
                .map(p -> typeName(types.erasure(p.asType()))).toList())).append(')');
        if (!constructor.getThrownTypes().isEmpty()) {
            out.append(" throws ").append(String.join(",", constructor.getThrownTypes().stream()
                    .map(t -> typeName(types.erasure(t))).toList()));
        }
        return out.toString();
    }
}
