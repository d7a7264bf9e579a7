import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule rejecting operations of a type the schema does not have (podreach has queries only).
 * graphql-js 16 does not check this before execution, which then fails with an error that carries no code
 * and would be answered as a fault of the service; rejected here, it is a request error like any other.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (context.getSchema().getRootType(operation.operation)) return;
      context.reportError(
        new GraphQLError(`This schema has no ${operation.operation} operations; send a query`, {
          nodes: operation,
        }),
      );
    },
  };
}
